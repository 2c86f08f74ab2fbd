// Runs npm scripts side by side, as many at once as the machine has cores (QUANLIAN_JOBS sets
// another number), and prints each one's output whole once it ends (never interleaved), then
// whether it passed. Exits 1 once all have ended when any of them failed, naming them. `npm
// test` runs the static checks and the build this way: each is mostly one single-threaded Node
// process, so on two cores two run in about the time of one. The same work is done, none of it
// cached. Usage: node scripts/run-parallel.mjs SCRIPT... (longest first: a long one started
// last would end alone).
import { spawn } from 'node:child_process';
import os from 'node:os';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: node scripts/run-parallel.mjs SCRIPT...');
  process.exit(2);
}
const limit = Math.max(1, Number(process.env.QUANLIAN_JOBS) || os.availableParallelism());
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const started = Date.now();
const failed = [];
const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);

function run(script) {
  return new Promise((resolve) => {
    const since = Date.now();
    const child = spawn(npm, ['run', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code, signal) => {
      const ok = code === 0;
      if (!ok) failed.push(script);
      const text = Buffer.concat(output).toString();
      const status = `${ok ? '✓' : '✗'} ${script} (${seconds(since)} s)${ok ? '' : `: exit ${code ?? signal}`}`;
      process.stdout.write(`${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${status}\n`);
      resolve();
    });
  });
}

const queue = [...scripts];
await Promise.all(
  Array.from({ length: Math.min(limit, queue.length) }, async () => {
    while (queue.length > 0) await run(queue.shift());
  }),
);
process.stdout.write(`${scripts.length} scripts in ${seconds(started)} s, ${limit} at a time\n`);
if (failed.length > 0) {
  console.error(`failed: ${failed.join(', ')}`);
  process.exit(1);
}
