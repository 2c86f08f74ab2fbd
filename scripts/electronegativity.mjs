// Runs @doyensec/electronegativity over the Electron code and fails on any finding above
// informational that security/electronegativity-accepted.json does not justify (and on an
// accepted one that no longer occurs, so the list cannot go stale). Called through its API:
// the CLI's CSV writer races its own header. The check that downloads Electron's release list
// is skipped: build machines are offline.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity/dist/runner.js');
const electronVersion = JSON.parse(
  fs.readFileSync(path.join(repo, 'node_modules/electron/package.json'), 'utf8'),
).version;
const input = path.join(repo, 'electron');
const result = await run({
  input,
  customScan: [],
  excludeFromScan: ['availablesecurityfixesglobalcheck'],
  isRelative: true,
  isVerbose: false,
  electronVersionOverride: electronVersion,
  parserPlugins: [],
});
const findings = result.issues.map((issue) => ({
  id: issue.id,
  severity: issue.severity.name,
  file: issue.file === 'N/A' ? 'N/A' : path.relative(input, path.resolve(input, issue.file)),
}));
const { accepted } = JSON.parse(
  fs.readFileSync(path.join(repo, 'security/electronegativity-accepted.json'), 'utf8'),
);
const matches = (finding, entry) => entry.id === finding.id && entry.file === finding.file;
const open = findings.filter(
  (finding) =>
    finding.severity !== 'INFORMATIONAL' && !accepted.some((entry) => matches(finding, entry)),
);
const stale = accepted.filter((entry) => !findings.some((finding) => matches(finding, entry)));
console.log(
  `electronegativity (Electron ${electronVersion}, ${result.atomicChecks} checks + ${result.globalChecks} global): ${findings.length} findings, ${findings.length - open.length} informational or justified in security/electronegativity-accepted.json`,
);
for (const finding of open) console.error(`  ${finding.severity} ${finding.id} in ${finding.file}`);
for (const entry of stale)
  console.error(`  accepted but no longer found: ${entry.id} in ${entry.file}`);
process.exitCode = open.length || stale.length ? 1 : 0;
