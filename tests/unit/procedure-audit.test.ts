import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { contract, procedureNames } from '../../electron/api/contract';
import { auditActionGroups } from '../../electron/api/domain/audit-actions';
import { en } from '../../electron/api/i18n/en';
import { zhCN } from '../../electron/api/i18n/zh-CN';
import { procedureAudit, type ProcedureAudit } from '../../electron/core/audit/procedure-audit';

/** Every field name anywhere in a schema: objects, arrays, unions, optionals, records, lazies. */
function fieldNames(schema: z.ZodType, found = new Set<string>(), seen = new Set<unknown>()) {
  if (seen.has(schema)) return found;
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  const inner = (value: unknown) => fieldNames(value as z.ZodType, found, seen);
  if (def['shape'])
    for (const [name, field] of Object.entries(def['shape'] as Record<string, unknown>)) {
      found.add(name);
      inner(field);
    }
  for (const key of ['element', 'innerType', 'in', 'out', 'valueType', 'left', 'right'])
    if (def[key]) inner(def[key]);
  for (const key of ['options', 'items']) for (const each of (def[key] as []) ?? []) inner(each);
  if (typeof def['getter'] === 'function') inner((def['getter'] as () => unknown)());
  return found;
}

/** Fields that carry case data: a case, a person or entity, a number, an account, a chart. */
const caseDataFields = [
  'caseId',
  'caseNo',
  'entityId',
  'idNumber',
  'identifier',
  'number',
  'accountNo',
  'holderName',
  'title',
  'nodes',
];

const classOf = (name: (typeof procedureNames)[number]): ProcedureAudit => procedureAudit[name];

describe('every procedure has its audit classification', () => {
  it('classifies each procedure of the contract, and no other', () => {
    expect(Object.keys(procedureAudit).sort()).toEqual([...procedureNames].sort());
  });

  it('calls public exactly the procedures that run without a session', () => {
    expect(procedureNames.filter((name) => classOf(name) === 'public')).toEqual(
      procedureNames.filter((name) => contract[name].access === 'public'),
    );
  });

  it('lets no procedure that returns case data go unrecorded as one that returns none', () => {
    const leaking = procedureNames
      .filter((name) => classOf(name) === 'noCaseData')
      .map((name) => [name, caseDataFields.filter((f) => fieldNames(contract[name].output).has(f))])
      .filter(([, fields]) => fields.length);
    expect(leaking).toEqual([]);
  });

  it("keeps a viewer's procedures out of the classes a read could hide in", () => {
    // A viewer changes nothing but their own session; the audit log is read by leads and up.
    const viewers = procedureNames.filter((name) => contract[name].access === 'viewer');
    expect(viewers.filter((name) => classOf(name) === 'change')).toEqual([
      'session.lock',
      'session.changePassword',
    ]);
    expect(viewers.filter((name) => classOf(name) === 'auditLog')).toEqual([]);
    expect(
      procedureNames.filter((name) => classOf(name) === 'auditLog' && !name.startsWith('audit.')),
    ).toEqual([]);
  });

  it('records each read as a read, and names what a case-data read read in both languages', () => {
    const reads = auditActionGroups.reads as readonly string[];
    for (const name of procedureNames) {
      const audit = classOf(name);
      if (typeof audit !== 'object') continue;
      const entry = audit.reads({ caseId: 'c1', id: 'x1' }, name);
      expect([name, reads.includes(entry.action)]).toEqual([name, true]);
      if (entry.action !== 'data.read') continue;
      expect(entry.details?.['procedure']).toBe(name);
      expect([name, name in zhCN.auditLog.readWhat, name in en.auditLog.readWhat]).toEqual([
        name,
        true,
        true,
      ]);
    }
  });

  it('names the case or entity a read was about, and the filters, but not the page', () => {
    const seizures = procedureAudit['seizures.list'].reads(
      { caseId: 'c1', page: 3, pageSize: 50 },
      'seizures.list',
    );
    expect(seizures).toEqual({
      action: 'data.read',
      targetType: 'case',
      targetId: 'c1',
      details: { procedure: 'seizures.list' },
    });
    const relations = procedureAudit['relations.list'].reads({ entityId: 'e1' }, 'relations.list');
    expect(relations).toEqual({
      action: 'data.read',
      targetType: 'entity',
      targetId: 'e1',
      details: { procedure: 'relations.list' },
    });
    const entities = procedureAudit['entities.list'].reads(
      { text: '李', kinds: ['person'], page: 2 },
      'entities.list',
    );
    expect(entities).toEqual({
      action: 'data.read',
      details: { procedure: 'entities.list', kinds: ['person'], text: '李' },
    });
  });
});
