// Fails when a module in electron/ or renderer/src exports a name that no other file imports
// (a knip/ts-prune-style check, with the TypeScript parser alone). Importers are every source
// file of the repository: the app, the CLI, tests, benches and scripts. Not checked: entry
// points (loaded by Electron, the browser, the CLI's bin or a worker by path) and the contract.
// A namespace import, `export *` or a dynamic `import()` counts as using every export of the
// module it names. `node scripts/check-unused-exports.mjs [root]` checks another tree laid out
// the same way (the test plants one).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const repo = fileURLToPath(new URL('..', import.meta.url));
const root = path.resolve(process.argv[2] ?? repo);

/** Folders whose files import others (and, below `checked`, are themselves checked). */
const scanned = ['electron', 'renderer/src', 'tests', 'scripts'];
const checked = ['electron', 'renderer/src'];
const rootConfigs = ['drizzle.config.ts', 'electron.vite.config.mts', 'vitest.config.mts'];
/** Loaded by path or by a host, never imported: their exports are their interface. */
const entryPoints = new Set([
  'electron/main/index.ts',
  'electron/preload/index.ts',
  'electron/cli/index.ts',
  'electron/api/contract.ts',
  'electron/core/io/table-worker.ts',
  'electron/core/graph/layout-worker.ts',
  'renderer/src/main.tsx',
]);
/**
 * Values that exist for the type derived from them (`typeof x`): not exported, ESLint would
 * call the constant unused.
 */
const typeSources = new Set([
  'electron/api/domain/stats-rules.ts: statsFigureKeys',
  'electron/api/events.ts: events',
  'electron/core/io/text-decoding.ts: textEncodings',
]);
const sourcePattern = /\.(ts|tsx|mts|mjs)$/;
const resolvable = ['', '.ts', '.tsx', '.mts', '.mjs', '/index.ts', '/index.tsx'];

function sourceFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'artifacts') return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return sourcePattern.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function resolve(fromFile, specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const suffix of resolvable) {
    const candidate = base + suffix;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const hasModifier = (node, kind) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);

function bindingNames(name) {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) =>
    ts.isOmittedExpression(element) ? [] : bindingNames(element.name),
  );
}

/** file → exported names; file → names other files import ('*' for all). */
const exported = new Map();

const used = new Map();
const use = (file, name) => {
  if (!used.has(file)) used.set(file, new Set());
  used.get(file).add(name);
};

function scan(file) {
  const text = fs.readFileSync(file, 'utf8');
  const kind = /\.tsx$/.test(file) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  const names = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const target = resolve(file, statement.moduleSpecifier.text);
      const clause = statement.importClause;
      if (!target || !clause) continue;
      if (clause.name) use(target, 'default');
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) use(target, '*');
      else if (bindings)
        for (const element of bindings.elements)
          use(target, (element.propertyName ?? element.name).text);
    } else if (ts.isExportDeclaration(statement)) {
      const target = statement.moduleSpecifier
        ? resolve(file, statement.moduleSpecifier.text)
        : null;
      const clause = statement.exportClause;
      if (!clause) {
        if (target) use(target, '*');
      } else if (ts.isNamespaceExport(clause)) {
        if (target) use(target, '*');
        names.push(clause.name.text);
      } else
        for (const element of clause.elements) {
          names.push(element.name.text);
          if (target) use(target, (element.propertyName ?? element.name).text);
        }
    } else if (ts.isExportAssignment(statement)) {
      names.push('default');
    } else if (hasModifier(statement, ts.SyntaxKind.ExportKeyword)) {
      if (hasModifier(statement, ts.SyntaxKind.DefaultKeyword)) names.push('default');
      else if (ts.isVariableStatement(statement))
        for (const declaration of statement.declarationList.declarations)
          names.push(...bindingNames(declaration.name));
      else if (statement.name) names.push(statement.name.text);
    }
  }
  // import('./x') and typeof import('./x') anywhere in the file.
  const visit = (node) => {
    let specifier;
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword)
      specifier = node.arguments[0];
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument))
      specifier = node.argument.literal;
    if (specifier && ts.isStringLiteral(specifier)) {
      const target = resolve(file, specifier.text);
      if (target) use(target, '*');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  exported.set(file, names);
}

for (const folder of scanned) for (const file of sourceFiles(path.join(root, folder))) scan(file);
for (const config of rootConfigs)
  if (fs.existsSync(path.join(root, config))) scan(path.join(root, config));

const unused = [];
for (const [file, names] of exported) {
  const relative = path.relative(root, file).split(path.sep).join('/');
  if (entryPoints.has(relative)) continue;
  if (!checked.some((folder) => relative.startsWith(`${folder}/`))) continue;
  const imported = used.get(file) ?? new Set();
  if (imported.has('*')) continue;
  for (const name of names)
    if (!imported.has(name) && !typeSources.has(`${relative}: ${name}`))
      unused.push(`${relative}: ${name}`);
}

if (unused.length === 0) {
  console.log(`unused exports: none in ${exported.size} files`);
} else {
  console.error(`unused exports: ${unused.length} exported name(s) that no other file imports`);
  for (const line of unused.sort()) console.error(`  ${line}`);
  process.exitCode = 1;
}
