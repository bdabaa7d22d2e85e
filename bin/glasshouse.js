#!/usr/bin/env node
// `npx glasshouse audit <saved-page.html>...`: see src/cli/args.ts for the options.
import { loadCli } from './build-cli.js';

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  const cli = await loadCli();
  process.exitCode = await cli.runCli(process.argv.slice(2));
} catch (error) {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  process.stderr.write(`glasshouse: cannot start: ${reason}\n`);
  process.exitCode = 2;
}
