// Runs the command line exactly as bin/glasshouse.js does, in this process, and reports the process's
// CPU and wall time on the last line of stderr (a child's CPU time is not visible to its parent in node).
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/glasshouse.js', import.meta.url));
const start = performance.now();
process.argv = [process.argv[0], bin, ...process.argv.slice(2)];
process.on('exit', (code) => {
  const cpu = process.cpuUsage();
  const memory = process.resourceUsage().maxRSS;
  process.stderr.write(
    `\nBENCH_TIMES ${JSON.stringify({ code, wallMs: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKiB: memory })}\n`,
  );
});
await import('../../bin/glasshouse.js');
