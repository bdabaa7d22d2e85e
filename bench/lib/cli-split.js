// Where the command-line audit of one saved page spends its CPU, in one process run as bin/glasshouse.js
// runs it: start-up (node, checking the bundle is current, loading it), parsing the page (linkedom),
// reading its posts (the site readers), and building and writing the report. Each stage is the CLI's own
// function (`auditStages` of src/cli/main.ts, what runCli calls), timed in turn. Prints one JSON line.
import { readFileSync } from 'node:fs';
import { loadCli } from '../../bin/build-cli.js';

const cpuMs = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};
const page = process.argv[2];
const cli = await loadCli();
const startMs = cpuMs();
const bytes = readFileSync(page);
let t = cpuMs();
const doc = await cli.auditStages.parseSavedPage(bytes);
const parseMs = cpuMs() - t;
t = cpuMs();
const audit = cli.auditStages.readSavedPage(doc, cli.auditStages.savedPageHead(bytes));
const detectMs = cpuMs() - t;
if (!audit.recognised) throw new Error(`${page} was not recognised`);
t = cpuMs();
const text = cli.auditStages.report(
  audit.posts.filter((post) => post.isOwn),
  audit.accounts.filter((account) => account.isViewer),
  Date.now(),
  'json',
);
const reportMs = cpuMs() - t;
process.stdout.write(
  `${JSON.stringify({ startMs, parseMs, detectMs, reportMs, totalMs: cpuMs(), findings: JSON.parse(text).findings.length })}\n`,
);
