// What the figures were measured on: they mean little without it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { CHROMIUM_PATH } from './chromium.js';

function chromiumVersion() {
  try {
    // Debian's wrapper prints a harmless "unexpected operator" line first.
    const out = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out.trim().split('\n').pop() ?? 'unknown';
  } catch {
    return 'not found';
  }
}

function osName() {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    return /PRETTY_NAME="([^"]+)"/.exec(release)?.[1] ?? os.type();
  } catch {
    return `${os.type()} ${os.release()}`;
  }
}

/** The commit the working tree sits on (read-only; the tree may hold others' uncommitted edits). */
function commit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

export function describeMachine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: os.availableParallelism?.() ?? cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${osName()} (kernel ${os.release()})`,
    chromium: chromiumVersion(),
    node: process.version,
    commit: commit(),
  };
}

/** The 1-minute load average: how busy the shared machine was. */
export const loadAverage = () => Math.round(os.loadavg()[0] * 100) / 100;
