import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scriptCheck } from './script-check';

const { check, plant } = scriptCheck('scripts/check-architecture.mjs', 'ql-arch-');

describe('check-architecture', () => {
  it('finds no folder cycle in electron/core', () => {
    expect(check()).toEqual({
      status: 0,
      stdout: 'architecture: 24 rooms in electron/core, no folder cycle\n',
      stderr: '',
    });
  });

  it('fails on a planted cycle and names the files that close it', () => {
    const root = plant({
      'cases/case-service.ts':
        "import { x } from '../entities/entity-service';\nexport const c = x;\n",
      'entities/entity-service.ts':
        "import { y } from '../people/person-service';\nexport const x = y;\n",
      'people/person-service.ts': "export { c as y } from '../cases/case-service';\n",
      'clock.ts': 'export const now = 0;\n',
      'audit/audit-log.ts': "import { now } from '../clock';\nexport const a = now;\n",
    });
    const result = check(root);
    const where = path.relative(process.cwd(), root);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      [
        `architecture: 1 folder cycle(s) in ${where}`,
        '  cases ⇄ entities ⇄ people',
        `    cases → entities  (${where}/cases/case-service.ts)`,
        `    entities → people  (${where}/entities/entity-service.ts)`,
        `    people → cases  (${where}/people/person-service.ts)`,
        '',
      ].join('\n'),
    );
  });

  it('leaves out type-only imports and handlers, which never order loading', () => {
    const root = plant({
      'cases/case-service.ts':
        "import type { X } from '../entities/entity-service';\nexport type C = X;\n",
      'cases/case-handlers.ts':
        "import { x } from '../entities/entity-service';\nexport const h = x;\n",
      'entities/entity-service.ts':
        "import { c } from '../cases/case-queries';\nexport const x = c;\nexport type X = number;\n",
      'cases/case-queries.ts': 'export const c = 1;\n',
    });
    expect(check(root)).toEqual({
      status: 0,
      stdout: `architecture: 2 rooms in ${path.relative(process.cwd(), root)}, no folder cycle\n`,
      stderr: '',
    });
  });
});
