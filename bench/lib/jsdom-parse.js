// What the command-line audit's jsdom costs before any post is read: importing it, then parsing the
// saved page into a document (as src/cli/audit.ts does). Prints one JSON line: CPU ms of each step.
import { readFileSync } from 'node:fs';

const cpuSince = (start) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const t0 = process.cpuUsage();
const { JSDOM, VirtualConsole } = await import('jsdom');
const importMs = cpuSince(t0);
const html = readFileSync(process.argv[2], 'utf8');
const t1 = process.cpuUsage();
const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
const parseMs = cpuSince(t1);
dom.window.close();
process.stdout.write(`${JSON.stringify({ importMs, parseMs })}\n`);
