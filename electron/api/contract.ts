import * as z from 'zod';
import { legalStatuses } from './domain/person-vocabulary';
import type { Access } from './domain/roles';
import { emptyInput, idSchema, okOutput } from './schemas/common';
import {
  openDemoOutput,
  pickDirectoryOutput,
  workspaceCreateInput,
  workspaceInspectOutput,
  workspaceListOutput,
  workspacePathInput,
} from './schemas/workspace-schemas';
import {
  changePasswordInput,
  createWorkspaceOutput,
  currentSessionOutput,
  recoverInput,
  sessionInfoSchema,
  unlockInput,
} from './schemas/session-schemas';
import {
  userCreateInput,
  userDisableInput,
  userEnableInput,
  userResetPasswordInput,
  userRowSchema,
  userSetRoleInput,
} from './schemas/user-schemas';
import { settingsSchema, settingsUpdateInput } from './schemas/settings-schemas';
import {
  mapDataInput,
  mapDataSchema,
  mapExportInput,
  mapPdfInput,
  mapLocatePlaceInput,
} from './schemas/map-schemas';
import {
  caseAddEntityInput,
  caseAuditInput,
  caseCreateInput,
  caseDetailSchema,
  caseIdInput,
  caseListInput,
  caseListOutput,
  caseMemberIdInput,
  measureHistoryOutput,
  measureStepBackInput,
  caseOutcomeInput,
  caseMemberSchema,
  caseMemberUpdateInput,
  caseRowSchema,
  caseTransitionInput,
  caseUpdateInput,
  linkedCaseSchema,
  linkedCasesReportSchema,
} from './schemas/case-schemas';
import {
  addPersonToCaseInput,
  casePersonSchema,
  sameNameInput,
  sameNamePersonSchema,
} from './schemas/person-schemas';
import {
  entityCreateInput,
  entityDetailSchema,
  entityIdInput,
  entityListInput,
  entityListOutput,
  entityMergeInput,
  entityMergeOutput,
  entityUnmergeInput,
  entityUpdateInput,
  relationRowSchema,
} from './schemas/entity-schemas';
import {
  seizureIdInput,
  seizureInputSchema,
  seizureListInput,
  seizureListOutput,
  seizureRowSchema,
  seizureUpdateInput,
} from './schemas/seizure-schemas';
import {
  relationIdInput,
  relationInputSchema,
  relationListInput,
  relationUpdateInput,
} from './schemas/relation-schemas';
import {
  eventIdInput,
  eventInputSchema,
  eventUpdateInput,
  timelineEventSchema,
  timelineInput,
} from './schemas/event-schemas';
import {
  attachmentAddFileInput,
  attachmentAddInput,
  attachmentContentSchema,
  attachmentIdInput,
  attachmentListInput,
  attachmentPickInput,
  attachmentPickOutput,
  attachmentRowSchema,
  attachmentSaveToInput,
  attachmentSaveToOutput,
} from './schemas/attachment-schemas';
import { searchInput, searchOutput } from './schemas/search-schemas';
import {
  chainOutput,
  graphCaseInput,
  graphCaseOutput,
  graphCaseReadInput,
  graphCommunitiesOutput,
  graphDataSchema,
  graphEdgeSchema,
  graphExportInput,
  graphExportOutput,
  graphImageExportInput,
  graphImageExportOutput,
  graphLayoutAheadInput,
  graphLayoutAheadOutput,
  graphLayoutInput,
  graphLayoutOutput,
  graphNeighbourhoodInput,
  graphNodeSchema,
  graphPathInput,
  graphPathOutput,
  graphScopeInput,
  graphSubgraphInput,
  graphUpstreamInput,
  graphUpstreamOutput,
  graphViewRowSchema,
  graphViewSaveInput,
  graphViewSchema,
  keyPlayerSchema,
} from './schemas/graph-schemas';
import {
  auditExportInput,
  auditListInput,
  auditListOutput,
  auditUsersOutput,
  auditVerifyOutput,
  signedAuditHeadSchema,
} from './schemas/audit-schemas';
import {
  unitStatsExportInput,
  unitStatsInput,
  unitStatsSchema,
  workspaceStatsSchema,
} from './schemas/stats-schemas';
import {
  backupRestoreInput,
  backupScheduleSchema,
  backupStatusSchema,
} from './schemas/backup-schemas';
import { briefingInput, documentFileSchema } from './schemas/briefing-schemas';
import {
  briefingItemAddInput,
  briefingItemIdInput,
  briefingItemMoveInput,
  briefingItemSchema,
  briefingItemsInput,
} from './schemas/briefing-item-schemas';
import {
  backupCreateAtInput,
  backupCreateAtOutput,
  backupRestoreFromInput,
  backupRestoreFromOutput,
  caseFindByNumberInput,
  demoCreateInput,
  demoCreateOutput,
  exportKeyOutput,
} from './schemas/cli-schemas';
import {
  packageExportInput,
  packageExportOutput,
  packageOpenInput,
  packageCancelInput,
  packageReviewSchema,
  packageSummarySchema,
} from './schemas/package-schemas';
import {
  importCancelInput,
  importCommitInput,
  importDeleteInput,
  importDeleteOutput,
  importListOutput,
  phoneIdentifiersInput,
  phoneIdentifiersOutput,
  accountIdentifiersInput,
  accountIdentifiersOutput,
  importMappingSchema,
  importPreviewInput,
  importPreviewOutput,
  importSummarySchema,
  relationRecordsInput,
  relationRecordsOutput,
} from './schemas/import-schemas';
import {
  cellPresenceInput,
  cellPresenceOutput,
  colocationInput,
  colocationOutput,
  commonContactsInput,
  commonContactsOutput,
  contactProfileInput,
  contactProfileOutput,
  moneyTraceInput,
  moneyTraceOutput,
  analyticsTimelineInput,
  analyticsTimelineOutput,
  timelineExportInput,
} from './schemas/analytics-schemas';

export interface ProcedureSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** Who may call it: 'public' needs no session; a role needs an unlocked session with that role or higher. */
  access: Access;
  input: I;
  output: O;
}

function procedure<I extends z.ZodType, O extends z.ZodType>(
  access: Access,
  input: I,
  output: O,
): ProcedureSpec<I, O> {
  return { access, input, output };
}

const caseExportInput = z.object({ id: idSchema, format: z.enum(['xlsx', 'json']) });

const appInfoOutput = z.object({
  version: z.string(),
  host: z.enum(['electron', 'browser-host', 'cli', 'test']),
  canPickDirectory: z.boolean(),
  canPickFile: z.boolean(),
});

/**
 * The whole API between renderer and core. Names are `area.verb`; main binds exactly
 * these and nothing built at run time.
 */
export const contract = {
  'app.info': procedure('public', emptyInput, appInfoOutput),

  'workspace.list': procedure('public', emptyInput, workspaceListOutput),
  'workspace.inspect': procedure('public', workspacePathInput, workspaceInspectOutput),
  'workspace.create': procedure('public', workspaceCreateInput, createWorkspaceOutput),
  'workspace.openDemo': procedure('public', emptyInput, openDemoOutput),
  'workspace.pickDirectory': procedure('public', emptyInput, pickDirectoryOutput),
  'workspace.forget': procedure('public', workspacePathInput, okOutput),
  /** The demo workspace in a folder of the caller's choosing (the CLI's seed-demo). */
  'workspace.createDemo': procedure('public', demoCreateInput, demoCreateOutput),
  /** The raw SQLCipher key, for recovery with standard tools; audited. */
  'workspace.exportKey': procedure('admin', emptyInput, exportKeyOutput),

  'session.current': procedure('public', emptyInput, currentSessionOutput),
  'session.unlock': procedure('public', unlockInput, sessionInfoSchema),
  'session.recover': procedure('public', recoverInput, sessionInfoSchema),
  'session.lock': procedure('viewer', emptyInput, okOutput),
  'session.activity': procedure('viewer', emptyInput, okOutput),
  'session.changePassword': procedure('viewer', changePasswordInput, okOutput),

  'settings.get': procedure('viewer', emptyInput, settingsSchema),
  'settings.update': procedure('admin', settingsUpdateInput, settingsSchema),

  'users.list': procedure('admin', emptyInput, z.array(userRowSchema)),
  'users.create': procedure('admin', userCreateInput, userRowSchema),
  'users.setRole': procedure('admin', userSetRoleInput, userRowSchema),
  'users.disable': procedure('admin', userDisableInput, userRowSchema),
  'users.enable': procedure('admin', userEnableInput, userRowSchema),
  'users.resetPassword': procedure('admin', userResetPasswordInput, okOutput),
  /** A new data key and signing key; every remaining slot re-wrapped (suspected compromise). */
  'users.rotateKey': procedure('admin', emptyInput, okOutput),

  'cases.list': procedure('viewer', caseListInput, caseListOutput),
  'cases.get': procedure('viewer', caseIdInput, caseDetailSchema),
  /** The case's own row (number, title, status) without its members and figures: for headers. */
  'cases.row': procedure('viewer', caseIdInput, caseRowSchema),
  'cases.findByNumber': procedure('viewer', caseFindByNumberInput, caseRowSchema),
  'cases.create': procedure('investigator', caseCreateInput, caseRowSchema),
  'cases.update': procedure('investigator', caseUpdateInput, caseRowSchema),
  'cases.transition': procedure('investigator', caseTransitionInput, caseRowSchema),
  'cases.addPerson': procedure('investigator', addPersonToCaseInput, casePersonSchema),
  'persons.sameName': procedure('viewer', sameNameInput, z.array(sameNamePersonSchema)),
  'cases.addEntity': procedure('investigator', caseAddEntityInput, caseMemberSchema),
  'cases.updateMember': procedure('investigator', caseMemberUpdateInput, okOutput),
  'cases.removeMember': procedure('investigator', caseMemberIdInput, okOutput),
  'cases.measures': procedure('viewer', caseMemberIdInput, measureHistoryOutput),
  'cases.stepBackMeasure': procedure(
    'investigator',
    measureStepBackInput,
    z.object({ legalStatus: z.enum(legalStatuses), legalStatusOn: z.string().nullable() }),
  ),
  'cases.markOutcome': procedure('investigator', caseOutcomeInput, okOutput),
  'cases.linked': procedure('viewer', caseIdInput, z.array(linkedCaseSchema)),
  'cases.auditHistory': procedure('viewer', caseAuditInput, auditListOutput),

  'entities.list': procedure('viewer', entityListInput, entityListOutput),
  'entities.get': procedure('viewer', entityIdInput, entityDetailSchema),
  'entities.create': procedure('investigator', entityCreateInput, entityDetailSchema),
  'entities.update': procedure('investigator', entityUpdateInput, entityDetailSchema),
  'entities.delete': procedure('investigator', entityIdInput, okOutput),
  'entities.merge': procedure('lead', entityMergeInput, entityMergeOutput),
  'entities.unmerge': procedure('lead', entityUnmergeInput, okOutput),

  'relations.list': procedure('viewer', relationListInput, z.array(relationRowSchema)),
  'relations.create': procedure('investigator', relationInputSchema, relationRowSchema),
  'relations.update': procedure('investigator', relationUpdateInput, relationRowSchema),
  'relations.delete': procedure('investigator', relationIdInput, okOutput),

  'seizures.list': procedure('viewer', seizureListInput, seizureListOutput),
  'seizures.create': procedure('investigator', seizureInputSchema, seizureRowSchema),
  'seizures.update': procedure('investigator', seizureUpdateInput, seizureRowSchema),
  'seizures.delete': procedure('investigator', seizureIdInput, okOutput),

  'events.timeline': procedure('viewer', timelineInput, z.array(timelineEventSchema)),
  'events.create': procedure('investigator', eventInputSchema, timelineEventSchema),
  'events.update': procedure('investigator', eventUpdateInput, timelineEventSchema),
  'events.delete': procedure('investigator', eventIdInput, okOutput),

  'attachments.list': procedure('viewer', attachmentListInput, z.array(attachmentRowSchema)),
  'attachments.get': procedure('viewer', attachmentIdInput, attachmentContentSchema),
  'attachments.add': procedure('investigator', attachmentAddInput, attachmentRowSchema),
  'attachments.addFile': procedure('investigator', attachmentAddFileInput, attachmentRowSchema),
  'attachments.saveTo': procedure('viewer', attachmentSaveToInput, attachmentSaveToOutput),
  'attachments.pickFile': procedure('viewer', attachmentPickInput, attachmentPickOutput),
  'attachments.delete': procedure('investigator', attachmentIdInput, okOutput),

  'search.query': procedure('viewer', searchInput, searchOutput),

  'graph.case': procedure('viewer', graphCaseReadInput, graphCaseOutput),
  'graph.neighbourhood': procedure('viewer', graphNeighbourhoodInput, graphDataSchema),
  'graph.subgraph': procedure('viewer', graphSubgraphInput, graphDataSchema),
  'graph.paths': procedure('viewer', graphPathInput, graphPathOutput),
  'graph.communities': procedure('viewer', graphScopeInput, graphCommunitiesOutput),
  'graph.keyPlayers': procedure('viewer', graphScopeInput, z.array(keyPlayerSchema)),
  'graph.upstream': procedure('viewer', graphUpstreamInput, graphUpstreamOutput),
  'graph.chain': procedure('viewer', graphCaseInput, chainOutput),
  'graph.layout': procedure('viewer', graphLayoutInput, graphLayoutOutput),
  /** The layout `graph.case` started for a large chart, when it is done. */
  'graph.layoutAhead': procedure('viewer', graphLayoutAheadInput, graphLayoutAheadOutput),
  'graph.export': procedure('viewer', graphExportInput, graphExportOutput),
  'graph.recordImageExport': procedure('viewer', graphImageExportInput, graphImageExportOutput),
  'graph.views.list': procedure(
    'viewer',
    z.object({ caseId: z.string().optional() }),
    z.array(graphViewRowSchema),
  ),
  'graph.views.get': procedure(
    'viewer',
    z.object({ id: z.string().min(1).max(64) }),
    graphViewSchema,
  ),
  /**
   * A saved view with its entities read afresh; `graph.views.relations` gives the relations
   * among them. Two calls, asked for together: the window builds the entities while the
   * relations are read.
   */
  'graph.views.open': procedure(
    'viewer',
    z.object({ id: z.string().min(1).max(64) }),
    z.object({ view: graphViewSchema, nodes: z.array(graphNodeSchema) }),
  ),
  'graph.views.relations': procedure(
    'viewer',
    z.object({ id: z.string().min(1).max(64) }),
    z.array(graphEdgeSchema),
  ),
  'graph.views.save': procedure('investigator', graphViewSaveInput, graphViewSchema),
  'graph.views.delete': procedure(
    'investigator',
    z.object({ id: z.string().min(1).max(64) }),
    okOutput,
  ),

  'reports.linkedCases': procedure('viewer', emptyInput, linkedCasesReportSchema),
  'reports.briefing': procedure('viewer', briefingInput, documentFileSchema),
  /** Analysis results kept for a case's briefing (tables and figures), in their order. */
  'reports.briefingItems.list': procedure(
    'viewer',
    briefingItemsInput,
    z.array(briefingItemSchema),
  ),
  'reports.briefingItems.add': procedure('investigator', briefingItemAddInput, briefingItemSchema),
  'reports.briefingItems.remove': procedure('investigator', briefingItemIdInput, okOutput),
  'reports.briefingItems.move': procedure('investigator', briefingItemMoveInput, okOutput),

  'import.preview': procedure('investigator', importPreviewInput, importPreviewOutput),
  'import.commit': procedure('investigator', importCommitInput, importSummarySchema),
  /** Runs beside the import it cancels (the router does not queue it behind the import). */
  'import.cancel': procedure('investigator', importCancelInput, okOutput),
  'import.mappings.list': procedure('viewer', emptyInput, z.array(importMappingSchema)),
  'import.mappings.save': procedure(
    'investigator',
    importMappingSchema,
    z.array(importMappingSchema),
  ),
  'import.records': procedure('viewer', relationRecordsInput, relationRecordsOutput),
  'import.list': procedure('viewer', emptyInput, importListOutput),
  'import.phoneIdentifiers': procedure('viewer', phoneIdentifiersInput, phoneIdentifiersOutput),
  'import.accountIdentifiers': procedure(
    'viewer',
    accountIdentifiersInput,
    accountIdentifiersOutput,
  ),
  /** Takes an import's records out and re-aggregates its relations. */
  'import.delete': procedure('lead', importDeleteInput, importDeleteOutput),

  'cases.export': procedure('viewer', caseExportInput, documentFileSchema),
  /** A package carries full ID numbers (the receiving unit matches on them): leads and admins only. */
  'package.export': procedure('lead', packageExportInput, packageExportOutput),
  'backup.status': procedure('admin', emptyInput, backupStatusSchema),
  'backup.schedule': procedure('admin', backupScheduleSchema, backupStatusSchema),
  'backup.create': procedure('admin', emptyInput, backupStatusSchema),
  /** After a key rotation: a backup under the new key, every older one in the folder removed. */
  'backup.replaceOld': procedure(
    'admin',
    emptyInput,
    z.object({ fileName: z.string(), removed: z.array(z.string()) }),
  ),
  'backup.restore': procedure('admin', backupRestoreInput, sessionInfoSchema),
  /** A backup to, or a restore from, a file named by path (the CLI). */
  'backup.createAt': procedure('admin', backupCreateAtInput, backupCreateAtOutput),
  'backup.restoreFrom': procedure('admin', backupRestoreFromInput, backupRestoreFromOutput),
  'package.review': procedure('investigator', packageOpenInput, packageReviewSchema),
  'package.import': procedure('investigator', packageOpenInput, packageSummarySchema),
  'package.cancel': procedure('investigator', packageCancelInput, okOutput),

  'audit.list': procedure('lead', auditListInput, auditListOutput),
  'audit.users': procedure('lead', emptyInput, auditUsersOutput),
  'audit.export': procedure('lead', auditExportInput, documentFileSchema),
  'audit.verify': procedure('lead', emptyInput, auditVerifyOutput),
  'audit.signHead': procedure('admin', emptyInput, signedAuditHeadSchema),

  'stats.summary': procedure('viewer', emptyInput, workspaceStatsSchema),
  'stats.unit': procedure('viewer', unitStatsInput, unitStatsSchema),
  'stats.export': procedure('viewer', unitStatsExportInput, documentFileSchema),

  'map.data': procedure('viewer', mapDataInput, mapDataSchema),
  'map.locatePlace': procedure('investigator', mapLocatePlaceInput, okOutput),
  /** The view draws the SVG/PNG; this records the export in the audit log first. */
  'map.recordExport': procedure('viewer', mapExportInput, okOutput),
  /** The map as the view draws it, printed to a PDF page by the main process (audited). */
  'map.exportPdf': procedure('viewer', mapPdfInput, documentFileSchema),
  /** 话单碰撞: numbers in touch with at least K of the target phones. */
  'analytics.commonContacts': procedure('viewer', commonContactsInput, commonContactsOutput),
  /** One phone's contacts, rhythm and night activity; optionally two periods compared. */
  'analytics.contactProfile': procedure('viewer', contactProfileInput, contactProfileOutput),
  /** 同基站伴随: phones seen on one base station within a window, with the occasions. */
  'analytics.colocation': procedure('viewer', colocationInput, colocationOutput),
  /** Who was on a base station between two instants. */
  'analytics.cellPresence': procedure('viewer', cellPresenceInput, cellPresenceOutput),
  /** 资金穿透: money followed from an account up to H hops, in time order, pro rata. */
  'analytics.moneyTrace': procedure('viewer', moneyTraceInput, moneyTraceOutput),
  /** Timeline (theme lines): entities or a case's people, phones, accounts; marks in time order. */
  'analytics.timeline': procedure('viewer', analyticsTimelineInput, analyticsTimelineOutput),
  /** The view draws the SVG/PNG; this records the export in the audit log first. */
  'analytics.recordTimelineExport': procedure('viewer', timelineExportInput, okOutput),
} as const satisfies Record<string, ProcedureSpec>;

export type Contract = typeof contract;
export type ProcedureName = keyof Contract;
export type ProcedureInput<P extends ProcedureName> = z.input<Contract[P]['input']>;
export type ParsedInput<P extends ProcedureName> = z.output<Contract[P]['input']>;
export type ProcedureOutput<P extends ProcedureName> = z.output<Contract[P]['output']>;

export const procedureNames = Object.keys(contract) as ProcedureName[];

export function isProcedureName(name: unknown): name is ProcedureName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
