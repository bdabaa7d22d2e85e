import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [preact()],
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Worker threads start faster than the default child processes, and two of them use both cores (the
    // default leaves one core to the main process): 105 s against 150 s for the suite on 2 cores, measured
    // 2026-12-02. Each test file still gets its own module graph and globals.
    pool: 'threads',
    maxWorkers: 2,
    // A test that passes in 1 s on a quiet machine can take 5 on a loaded one (the default timeout): a
    // timeout is for a hang, not a measure of speed (bench/ is).
    testTimeout: 20_000,
    setupFiles: ['tests/unit/setup.ts'],
  },
});
