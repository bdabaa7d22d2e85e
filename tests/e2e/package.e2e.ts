import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserDriver } from './drivers/driver';
import { DRIVER_NAME, launchDriver } from './drivers/select';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const target = DRIVER_NAME === 'firefox' ? 'firefox' : 'chrome';
const zipFile = resolve(`dist/packages/glasshouse-${target}-${version}.zip`);

/** The store package unzipped, as the store's reviewer or the browser unpacks it. */
function unzipTo(file: string): string {
  const dir = mkdtempSync(join(tmpdir(), `glasshouse-${target}-package-`));
  for (const [name, data] of Object.entries(unzipSync(readFileSync(file)))) {
    if (name.endsWith('/')) continue;
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
  }
  return dir;
}

describe.skipIf(!existsSync(zipFile))(`[${DRIVER_NAME}] the store package (npm run package first)`, () => {
  let driver: BrowserDriver;
  let dir: string;
  beforeAll(async () => {
    dir = unzipTo(zipFile);
    driver = await launchDriver(dir);
  });
  afterAll(async () => {
    await driver?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`carries package.json's version, ${version}`, () => {
    expect((JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version: string }).version).toBe(version);
  });

  it('starts: its popup opens and the worker answers it', async () => {
    const popup = await driver.newPage();
    await popup.goto(`${driver.extensionOrigin}/src/ui/popup/index.html`);
    await popup.waitFor(() => document.querySelector('[data-total]') !== null, undefined, 20_000);
    await popup.close();
  });

  it('made no network request of its own', () => {
    expect(driver.strayRequests()).toEqual([]);
  });
});
