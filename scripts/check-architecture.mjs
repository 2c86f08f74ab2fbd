// Fails when the folders of electron/core import each other in a loop. Each top-level folder is
// a room; a file directly in electron/core is a room of its own (router.ts sits above every
// room, app-error.ts and clock.ts below them). Handlers (*-handlers.ts) are the router's side of
// a room: they map procedures to services and may call any room, so they form one room above
// the others. Type-only imports are left out: they vanish at run time and never order loading.
// Prints every cycle with the files that close it. `node scripts/check-architecture.mjs [dir]`
// checks another folder laid out the same way (the test plants a cycle in one).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const core = path.resolve(process.argv[2] ?? path.join(repo, 'electron/core'));
const importPattern = /^\s*(?:import|export)\s+(type\s+)?[^'"]*?\bfrom\s+['"](\.[^'"]+)['"]/gm;

/** The room a file in electron/core belongs to. */
function roomOf(file) {
  if (/-handlers\.tsx?$/.test(file)) return 'handlers';
  const [first, ...rest] = path.relative(core, file).split(path.sep);
  return rest.length ? first : first.replace(/\.tsx?$/, '');
}

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** room → room → one importing file, as evidence. */
const edges = new Map();
for (const file of sourceFiles(core)) {
  for (const [, typeOnly, specifier] of fs.readFileSync(file, 'utf8').matchAll(importPattern)) {
    if (typeOnly) continue;
    const target = path.resolve(path.dirname(file), specifier);
    if (!target.startsWith(core + path.sep)) continue;
    const from = roomOf(file);
    const to = roomOf(target);
    if (from === to) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    if (!edges.get(from).has(to)) edges.get(from).set(to, path.relative(repo, file));
  }
}

// Tarjan's strongly connected components: every component of more than one room is a cycle.
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
let counter = 0;
function visit(room) {
  index.set(room, counter);
  low.set(room, counter);
  counter += 1;
  stack.push(room);
  onStack.add(room);
  for (const next of edges.get(room)?.keys() ?? []) {
    if (!index.has(next)) {
      visit(next);
      low.set(room, Math.min(low.get(room), low.get(next)));
    } else if (onStack.has(next)) low.set(room, Math.min(low.get(room), index.get(next)));
  }
  if (low.get(room) !== index.get(room)) return;
  const component = [];
  let member;
  do {
    member = stack.pop();
    onStack.delete(member);
    component.push(member);
  } while (member !== room);
  if (component.length > 1) cycles.push(component.sort());
}
for (const room of edges.keys()) if (!index.has(room)) visit(room);

if (cycles.length === 0) {
  console.log(`architecture: ${edges.size} rooms in ${path.relative(repo, core)}, no folder cycle`);
} else {
  console.error(`architecture: ${cycles.length} folder cycle(s) in ${path.relative(repo, core)}`);
  for (const cycle of cycles) {
    console.error(`  ${cycle.join(' ⇄ ')}`);
    for (const from of cycle)
      for (const [to, file] of edges.get(from) ?? [])
        if (cycle.includes(to)) console.error(`    ${from} → ${to}  (${file})`);
  }
  process.exitCode = 1;
}
