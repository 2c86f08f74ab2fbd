/**
 * Every action the audit log records, by kind: the auditor's filter offers the kinds, and each
 * action has its name and sentence in both locales (`auditLog.actions`, `auditLog.sentences`).
 * A unit test finds the actions written in core and checks each is listed here.
 */
export const auditActionGroups = {
  session: ['session.unlocked', 'session.unlockFailed', 'session.locked', 'session.recovered', 'session.passwordChanged', 'session.passwordChangeFailed', 'session.roleRefused', 'session.recoveryRefused', 'session.authorKeyMissing', 'session.unlockFailuresHidden'],
  users: ['users.created', 'users.roleChanged', 'users.disabled', 'users.enabled', 'users.passwordReset', 'users.rolesSealed', 'users.sealsRenewed', 'users.tamperingFound', 'users.disabledRestored'],
  cases: ['cases.created', 'cases.updated', 'cases.statusChanged', 'cases.entityAdded', 'cases.personAdded', 'cases.memberUpdated', 'cases.memberRemoved', 'cases.measureSteppedBack', 'cases.exported', 'briefing.itemAdded', 'briefing.itemRemoved', 'briefing.itemMoved'],
  entities: ['entities.created', 'entities.updated', 'entities.deleted', 'entities.merged', 'entities.unmerged', 'entities.gangBroken', 'entities.placeDestroyed'],
  records: ['relations.created', 'relations.updated', 'relations.deleted', 'events.created', 'events.updated', 'events.deleted', 'seizures.created', 'seizures.updated', 'seizures.deleted', 'seizures.imported'],
  attachments: ['attachments.added', 'attachments.viewed', 'attachments.saved', 'attachments.saveFailed', 'attachments.deleted'],
  import: ['import.completed', 'import.cancelled', 'import.deleted', 'import.mappingSaved', 'package.imported'],
  export: ['package.exported', 'graph.exported', 'graph.imageExported', 'map.exported', 'stats.exported', 'briefing.exported', 'briefing.previewed', 'analytics.timelineExported', 'audit.exported'],
  graph: ['graph.viewSaved', 'graph.viewDeleted', 'map.placeLocated'],
  backup: ['backup.created', 'backup.failed', 'backup.scheduled', 'backup.oldReplaced', 'backup.restore', 'backup.restoreStarted', 'backup.restored'],
  workspace: ['workspace.created', 'workspace.keyExported', 'workspace.keyRotated', 'workspace.keyRotationFinished', 'workspace.keyRotationAbandoned', 'workspace.journalIgnored', 'settings.updated', 'demo.seeded'],
  reads: ['cases.viewed', 'data.read', 'entities.viewed', 'search.queried', 'records.viewed', 'graph.caseViewed', 'analytics.moneyTraced', 'analytics.profiled', 'analytics.contactsCompared', 'analytics.colocated', 'analytics.cellQueried'],
  audit: ['audit.verified', 'audit.headSigned', 'audit.anchorMismatch', 'audit.signingKeyMismatch', 'audit.signingKeyRestored', 'audit.signingKeyPinned', 'audit.signingKeyPinIgnored', 'audit.authorsNotProven', 'audit.indexesMissing'],
} as const; // prettier-ignore

export type AuditActionGroup = keyof typeof auditActionGroups;
export const auditActionGroupNames = Object.keys(auditActionGroups) as AuditActionGroup[];
type AuditAction = (typeof auditActionGroups)[AuditActionGroup][number];
export const auditActions: readonly AuditAction[] = Object.values(auditActionGroups).flat();

export function auditGroupOf(action: string): AuditActionGroup | null {
  return (
    auditActionGroupNames.find((group) =>
      (auditActionGroups[group] as readonly string[]).includes(action),
    ) ?? null
  );
}
