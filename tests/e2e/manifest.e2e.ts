import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The built manifests, pinned: a new permission, host, remote source or unsafe CSP fails here.
// Written out, not read from the table of sites: a host added there must be added here too, on purpose.
const EXPECTED_HOSTS = [
  'https://www.facebook.com/*',
  'https://web.facebook.com/*',
  'https://m.facebook.com/*',
  'https://www.instagram.com/*',
];
const EXPECTED_PERMISSIONS: string[] = [];

for (const target of ['chrome', 'firefox'] as const) {
  describe(`dist/${target}/manifest.json`, () => {
    const manifest = JSON.parse(readFileSync(`dist/${target}/manifest.json`, 'utf8'));

    it("asks for no API permission and only the sites' hosts: Facebook's www., web. and m., Instagram's www.", () => {
      expect(manifest.manifest_version).toBe(3);
      expect(manifest.permissions ?? []).toEqual(EXPECTED_PERMISSIONS);
      expect(manifest.optional_permissions ?? []).toEqual([]);
      expect(manifest.host_permissions).toEqual(EXPECTED_HOSTS);
      expect(manifest.optional_host_permissions ?? []).toEqual([]);
      expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|\*:\/\/\*\//);
      for (const script of manifest.content_scripts) expect(script.matches).toEqual(EXPECTED_HOSTS);
    });

    it('exposes nothing to pages and connects to nobody', () => {
      expect(manifest.web_accessible_resources ?? []).toEqual([]);
      expect(manifest.externally_connectable).toBeUndefined();
      expect(manifest.update_url).toBeUndefined();
    });

    it('keeps a strict CSP for its own pages', () => {
      const csp: string = manifest.content_security_policy.extension_pages;
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|data:|blob:|\*/);
      expect(csp).toMatch(/object-src 'none'/);
    });

    it('loads no remote code: every script it names is a file inside the build', () => {
      const files = [
        ...manifest.content_scripts.flatMap((s: { js: string[] }) => s.js),
        ...(manifest.background.scripts ?? [manifest.background.service_worker]),
      ];
      for (const file of files) expect(() => readFileSync(`dist/${target}/${file}`)).not.toThrow();
    });
  });
}

describe('the Chrome manifest', () => {
  it('asks for the first Chrome whose CSS has light-dark(), which colours the badges', () => {
    const manifest = JSON.parse(readFileSync('dist/chrome/manifest.json', 'utf8'));
    expect(manifest.minimum_chrome_version).toBe('123');
    expect(JSON.parse(readFileSync('dist/firefox/manifest.json', 'utf8'))).not.toHaveProperty('minimum_chrome_version');
  });
});

describe('the Firefox manifest', () => {
  it('declares its gecko id, minimum version and that it collects no data', () => {
    const manifest = JSON.parse(readFileSync('dist/firefox/manifest.json', 'utf8'));
    expect(manifest.browser_specific_settings.gecko).toEqual({
      id: 'glasshouse@glasshouse.invalid',
      strict_min_version: '142.0',
      data_collection_permissions: { required: ['none'] },
    });
    expect(manifest.background.scripts).toHaveLength(1);
  });
});
