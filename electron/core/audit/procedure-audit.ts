import type { ProcedureName } from '../../api/contract';
import type { AuditEntry } from './audit-log';

type Input = Record<string, unknown>;

/** The audit record of a read, from its parsed input and the procedure's name. */
type ReadEntry = (input: Input, procedure: ProcedureName) => AuditEntry;

/**
 * How each procedure stands to the audit log. Every procedure has its entry (a new one that
 * lacks it does not compile), so no read of case data is left out by a hand list that drifts:
 * - `public`: runs without a session, before anyone is known;
 * - `change`: changes data, and its service records it in the same transaction;
 * - `recorded`: its service records it itself (an export, a print, an opened attachment);
 * - `outsideFile`: reads a file being imported, not the workspace;
 * - `auditLog`: reads the audit log itself (leads and administrators);
 * - `noCaseData`: settings, the session, accounts, backups, chart positions, counts;
 * - `{ reads }`: returns case, person, identifier, record, seizure, chart or analysis content,
 *   and the router records the read once answered (read-audit.ts).
 * tests/unit/procedure-audit.test.ts checks that no `noCaseData` procedure returns case data.
 */
export type ProcedureAudit =
  | 'public'
  | 'change'
  | 'recorded'
  | 'outsideFile'
  | 'auditLog'
  | 'noCaseData'
  | { reads: ReadEntry };

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const list = (value: unknown): string | null =>
  Array.isArray(value) && value.length ? value.map(String).join('、') : null;

/** A filter's value as the record keeps it; paging is left out (one page or ten, one read). */
function detailValue(value: unknown): unknown {
  if (typeof value === 'string') return value ? value.slice(0, 200) : null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.length ? value.slice(0, 200).map(String) : null;
  return null;
}

/**
 * A read of case data (`data.read`): the procedure, the case or entity it was about (the first
 * of `targets` the input names) and the filters in `detailKeys`, so that a read of another
 * case or with another filter is another record.
 */
function dataRead(
  targets: readonly (readonly [key: string, type: string])[],
  detailKeys: readonly string[] = [],
): { reads: ReadEntry } {
  return {
    reads: (input, procedure) => {
      const target = targets.find(([key]) => text(input[key]));
      const details: Record<string, unknown> = { procedure };
      for (const key of detailKeys) {
        const value = detailValue(input[key]);
        if (value !== null && key !== target?.[0]) details[key] = value;
      }
      return {
        action: 'data.read',
        ...(target ? { targetType: target[1], targetId: text(input[target[0]]) } : {}),
        details,
      };
    },
  };
}

const ofCase = [['caseId', 'case']] as const;
const ofCaseId = [['id', 'case']] as const;

export const procedureAudit = {
  'app.info': 'public',
  'workspace.list': 'public',
  'workspace.inspect': 'public',
  'workspace.create': 'public',
  'workspace.openDemo': 'public',
  'workspace.pickDirectory': 'public',
  'workspace.forget': 'public',
  'workspace.createDemo': 'public',
  'workspace.exportKey': 'recorded',

  'session.current': 'public',
  'session.unlock': 'public',
  'session.recover': 'public',
  'session.lock': 'change',
  'session.activity': 'noCaseData',
  'session.changePassword': 'change',

  'settings.get': 'noCaseData',
  'settings.update': 'change',

  'users.list': 'noCaseData',
  'users.create': 'change',
  'users.setRole': 'change',
  'users.disable': 'change',
  'users.enable': 'change',
  'users.resetPassword': 'change',
  'users.rotateKey': 'change',

  'cases.list': dataRead(
    [],
    ['text', 'statuses', 'offenceTypes', 'supervisionLevels', 'unit', 'leadInvestigator'],
  ),
  'cases.get': {
    reads: (input) => ({ action: 'cases.viewed', targetType: 'case', targetId: text(input['id']) }),
  },
  'cases.row': dataRead(ofCaseId),
  'cases.findByNumber': dataRead([], ['caseNo']),
  'cases.create': 'change',
  'cases.update': 'change',
  'cases.transition': 'change',
  'cases.addPerson': 'change',
  'persons.sameName': dataRead(ofCase, ['name']),
  'cases.addEntity': 'change',
  'cases.updateMember': 'change',
  'cases.removeMember': 'change',
  'cases.measures': dataRead([], ['caseEntityId']),
  'cases.stepBackMeasure': 'change',
  'cases.markOutcome': 'change',
  'cases.linked': dataRead(ofCaseId),
  'cases.auditHistory': dataRead(ofCase),

  'entities.list': dataRead([], ['kinds', 'text']),
  'entities.get': {
    reads: (input) => ({
      action: 'entities.viewed',
      targetType: 'entity',
      targetId: text(input['id']),
    }),
  },
  'entities.create': 'change',
  'entities.update': 'change',
  'entities.delete': 'change',
  'entities.merge': 'change',
  'entities.unmerge': 'change',

  'relations.list': dataRead(
    [
      ['caseId', 'case'],
      ['entityId', 'entity'],
    ],
    ['entityId'],
  ),
  'relations.create': 'change',
  'relations.update': 'change',
  'relations.delete': 'change',

  'seizures.list': dataRead(ofCase),
  'seizures.create': 'change',
  'seizures.update': 'change',
  'seizures.delete': 'change',

  'events.timeline': dataRead(
    [
      ['caseId', 'case'],
      ['entityId', 'entity'],
    ],
    ['entityId', 'kinds'],
  ),
  'events.create': 'change',
  'events.update': 'change',
  'events.delete': 'change',

  'attachments.list': dataRead(ofCase, ['ownerType', 'ownerId']),
  'attachments.get': 'recorded',
  'attachments.add': 'change',
  'attachments.addFile': 'change',
  'attachments.saveTo': 'recorded',
  'attachments.pickFile': 'outsideFile',
  'attachments.delete': 'change',

  'search.query': {
    reads: (input) => ({ action: 'search.queried', details: { text: text(input['text']) } }),
  },

  'graph.case': {
    reads: (input) => ({
      action: 'graph.caseViewed',
      targetType: 'case',
      targetId: text(input['caseId']),
    }),
  },
  'graph.neighbourhood': dataRead(ofCase, ['entityIds', 'hops', 'relationTypes']),
  'graph.subgraph': dataRead(ofCase, ['entityIds']),
  'graph.paths': dataRead(ofCase, ['fromId', 'toId', 'mode']),
  'graph.communities': dataRead(ofCase, ['entityIds']),
  'graph.keyPlayers': dataRead(ofCase, ['entityIds']),
  'graph.upstream': dataRead([['entityId', 'entity']], ['seizureId']),
  'graph.chain': dataRead(ofCase),
  // Positions for ids the window already holds: nothing the chart's own read has not recorded.
  'graph.layout': 'noCaseData',
  'graph.layoutAhead': 'noCaseData',
  'graph.export': 'recorded',
  'graph.recordImageExport': 'recorded',
  'graph.views.list': dataRead(ofCase),
  'graph.views.get': dataRead([['id', 'graphView']]),
  'graph.views.open': dataRead([['id', 'graphView']]),
  'graph.views.relations': dataRead([['id', 'graphView']]),
  'graph.views.save': 'change',
  'graph.views.delete': 'change',

  'reports.linkedCases': dataRead([]),
  'reports.briefing': 'recorded',
  'reports.briefingItems.list': dataRead(ofCase),
  'reports.briefingItems.add': 'change',
  'reports.briefingItems.remove': 'change',
  'reports.briefingItems.move': 'change',

  'import.preview': 'outsideFile',
  'import.commit': 'change',
  'import.cancel': 'change',
  'import.mappings.list': 'noCaseData',
  'import.mappings.save': 'change',
  'import.records': {
    reads: (input) => ({
      action: 'records.viewed',
      targetType: 'relation',
      targetId: text(input['relationId']),
    }),
  },
  'import.list': dataRead([]),
  'import.phoneIdentifiers': dataRead([['phoneId', 'entity']]),
  'import.accountIdentifiers': dataRead([['accountId', 'entity']]),
  'import.delete': 'change',

  'cases.export': 'recorded',
  'package.export': 'recorded',
  'backup.status': 'noCaseData',
  'backup.schedule': 'change',
  'backup.create': 'recorded',
  'backup.replaceOld': 'change',
  'backup.restore': 'change',
  'backup.createAt': 'recorded',
  'backup.restoreFrom': 'change',
  // Matches the package's people against the workspace's: its review shows which are known.
  'package.review': dataRead([], ['importId']),
  'package.import': 'change',
  'package.cancel': 'change',

  'audit.list': 'auditLog',
  'audit.users': 'auditLog',
  'audit.export': 'recorded',
  'audit.verify': 'recorded',
  'audit.signHead': 'recorded',

  'stats.summary': 'noCaseData',
  'stats.unit': dataRead([], ['from', 'to', 'unit']),
  'stats.export': 'recorded',

  'map.data': dataRead(ofCase, ['from', 'to']),
  'map.locatePlace': 'change',
  'map.recordExport': 'recorded',
  'map.exportPdf': 'recorded',
  'analytics.commonContacts': {
    reads: (input) => ({
      action: 'analytics.contactsCompared',
      details: { phones: list(input['phones']), caseId: text(input['caseId']) },
    }),
  },
  'analytics.contactProfile': {
    reads: (input) => ({ action: 'analytics.profiled', details: { phone: text(input['phone']) } }),
  },
  'analytics.colocation': {
    reads: (input) => ({
      action: 'analytics.colocated',
      details: { phones: list(input['phones']) },
    }),
  },
  'analytics.cellPresence': {
    reads: (input) => ({
      action: 'analytics.cellQueried',
      details: { cell: text(input['cell']), from: text(input['from']), to: text(input['to']) },
    }),
  },
  'analytics.moneyTrace': {
    reads: (input) => ({
      action: 'analytics.moneyTraced',
      ...(text(input['personId'])
        ? { targetType: 'entity', targetId: text(input['personId']) }
        : { details: { account: text(input['account']) } }),
    }),
  },
  'analytics.timeline': dataRead(ofCase, ['entityIds', 'from', 'to']),
  'analytics.recordTimelineExport': 'recorded',
} as const satisfies Record<ProcedureName, ProcedureAudit>;
