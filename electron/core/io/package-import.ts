import crypto from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { EntityKind } from '../../api/domain/entity-kinds';
import type { PackageReview, PackageSummary } from '../../api/schemas/package-schemas';
import { AppError } from '../app-error';
import type { Executor } from '../db/database-types';
import { newId } from '../db/ids';
import {
  attachmentsTable,
  caseEntitiesTable,
  casesTable,
  custodyStepsTable,
  entitiesTable,
  eventEntitiesTable,
  eventsTable,
  relationsTable,
  seizuresTable,
} from '../db/schema';
import { findHolder } from '../entities/entity-identifiers';
import { kindTables } from '../entities/entity-repository';
import { indexCase, indexEntity } from '../search/search-indexer';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import type { KdfCost } from '../vault/vault-env';
import { openPackage } from './case-package';
import type { CaseSnapshot } from './case-snapshot';
import { normaliseCaseNo } from '../../api/domain/case-number';
import { normaliseQuantity } from '../../api/domain/quantity';
import { parseResidentId } from '../../api/domain/resident-id';
import type { AuditEntry } from '../audit/audit-log';
import { seizureAuditFacts } from '../seizures/seizure-service';
import { findSeizure } from '../seizures/seizure-queries';
import {
  checkedCase,
  checkedMember,
  checkedRelation,
  checkedSeizure,
  invalidRow,
} from './package-rows';

type PackageEntity = CaseSnapshot['entities'][number];

const nullableText = (value: unknown) => (typeof value === 'string' ? value : null);

/** The identifier other workspaces know an entity by, when its kind has one. */
function identifierOf(item: PackageEntity): {
  kind: 'person' | 'phone' | 'vehicle' | 'account' | 'parcel';
  value: string;
  accountType?: string;
} | null {
  const details = item.details;
  const text = (key: string) =>
    typeof details[key] === 'string' && details[key] ? (details[key] as string) : null;
  switch (item.entity.kind) {
    case 'person':
      return text('idNumber') ? { kind: 'person', value: text('idNumber')! } : null;
    case 'phone':
      return text('number') ? { kind: 'phone', value: text('number')! } : null;
    case 'vehicle':
      return text('plate') ? { kind: 'vehicle', value: text('plate')! } : null;
    case 'account':
      return text('accountNo')
        ? { kind: 'account', value: text('accountNo')!, accountType: text('accountType') ?? 'bank' }
        : null;
    case 'parcel':
      return text('waybillNo') ? { kind: 'parcel', value: text('waybillNo')! } : null;
    default:
      return null;
  }
}

/** Each package entity: the entity of this workspace it is (same ID or same identifier), if any. */
function matchEntities(db: Executor, snapshot: CaseSnapshot): Map<string, string> {
  const matches = new Map<string, string>();
  for (const item of snapshot.entities) {
    const sameId = db
      .select({
        id: entitiesTable.id,
        kind: entitiesTable.kind,
        deletedAt: entitiesTable.deletedAt,
        mergedIntoId: entitiesTable.mergedIntoId,
      })
      .from(entitiesTable)
      .where(eq(entitiesTable.id, item.entity.id))
      .get();
    if (sameId) {
      // The same ID is the same entity only if it is still that kind and alive here.
      if (sameId.kind !== item.entity.kind || sameId.deletedAt || sameId.mergedIntoId)
        throw new AppError('package.conflict', 'An entity ID in the package is used differently', {
          entityId: item.entity.id,
        });
      matches.set(item.entity.id, sameId.id);
      continue;
    }
    const identifier = identifierOf(item);
    if (!identifier) continue;
    const holder = findHolder(
      db,
      identifier.kind,
      identifier.value,
      undefined,
      identifier.accountType ? sql`t.account_type = ${identifier.accountType}` : undefined,
    );
    if (holder) matches.set(item.entity.id, holder.id);
  }
  return matches;
}

function detailsOf(db: Executor, id: string, kind: EntityKind): Record<string, unknown> {
  const table = kindTables[kind];
  return (db.select().from(table).where(eq(table.entityId, id)).get() ?? {}) as Record<
    string,
    unknown
  >;
}

/** What importing would do, written nowhere: matches, differences, what is new. */
function reviewPackage(db: Executor, snapshot: CaseSnapshot): PackageReview {
  const matches = matchEntities(db, snapshot);
  const caseExists = snapshot.case
    ? Boolean(
        db
          .select({ id: casesTable.id })
          .from(casesTable)
          .where(
            and(
              eq(casesTable.caseNo, normaliseCaseNo(snapshot.case.caseNo)),
              isNull(casesTable.deletedAt),
            ),
          )
          .get(),
      )
    : false;
  return {
    caseNo: snapshot.case?.caseNo ?? null,
    caseTitle: snapshot.case?.title ?? null,
    caseExists,
    exportedAt: snapshot.exportedAt,
    entities: snapshot.entities.map((item) => {
      const existingId = matches.get(item.entity.id) ?? null;
      let differences: string[] = [];
      let existingLabel: string | null = null;
      if (existingId) {
        const existing = db
          .select()
          .from(entitiesTable)
          .where(eq(entitiesTable.id, existingId))
          .get()!;
        existingLabel = existing.label;
        const theirs = detailsOf(db, existingId, existing.kind as EntityKind);
        differences = Object.entries(item.details)
          .filter(
            ([field, value]) =>
              value !== null &&
              value !== undefined &&
              JSON.stringify(theirs[field] ?? null) !== JSON.stringify(value),
          )
          .map(([field]) => field);
        if (existing.label !== item.entity.label) differences.unshift('label');
      }
      return {
        id: item.entity.id,
        kind: item.entity.kind as EntityKind,
        label: item.entity.label,
        status: existingId ? ('matched' as const) : ('new' as const),
        existingId,
        existingLabel,
        differences,
      };
    }),
    counts: {
      relations: snapshot.relations.length,
      seizures: snapshot.seizures.length,
      events: snapshot.events.length,
      attachments: snapshot.attachments.length,
    },
  };
}

/**
 * Writes a package in one transaction: new entities keep their IDs (IDs are UUIDv7, unique
 * across workstations), known ones are linked instead of duplicated and keep this workspace's
 * fields; rows are stamped as imported by the current user; attachments are checked against
 * their SHA-256.
 */
function importPackage(workspace: UnlockedWorkspace, snapshot: CaseSnapshot): PackageSummary {
  // A 协查 package comes from another unit. One of this workspace's own (its case exported and
  // brought back) would be a second copy of its cases, seizures and suspects.
  if (snapshot.sourceWorkspaceId === workspace.workspaceId)
    throw new AppError('package.ownWorkspace', 'The package was made in this workspace');
  const now = workspace.now();
  const actor = workspace.user.id;
  const stamp = { createdAt: now, updatedAt: now, createdBy: actor, updatedBy: actor };
  try {
    return writePackage(workspace, snapshot, stamp);
  } catch (error) {
    // A row the database's constraints refuse (an identifier already held here under another
    // ID, say) is a clear refusal; the transaction has rolled back.
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'))
      throw new AppError(
        'package.conflict',
        'A record in the package clashes with this workspace',
        {
          entityId: null,
        },
      );
    throw error;
  }
}

function writePackage(
  workspace: UnlockedWorkspace,
  snapshot: CaseSnapshot,
  stamp: { createdAt: string; updatedAt: string; createdBy: string; updatedBy: string },
): PackageSummary {
  // Each seizure and member is audited as its manual entry is, with the package's summary.
  const records: AuditEntry[] = [];
  return workspace.write(
    (tx) => {
      const review = reviewPackage(tx, snapshot);
      if (review.caseExists)
        throw new AppError('package.caseExists', 'The case number is already in this workspace', {
          caseNo: review.caseNo,
        });
      const entityId = new Map<string, string>();
      const matched = new Set<string>();
      for (const item of review.entities) {
        entityId.set(item.id, item.existingId ?? item.id);
        if (item.existingId) matched.add(item.id);
      }
      const fresh = (id: string, exists: (id: string) => boolean) => (exists(id) ? newId() : id);
      const taken =
        (
          table:
            | typeof casesTable
            | typeof relationsTable
            | typeof seizuresTable
            | typeof eventsTable
            | typeof caseEntitiesTable
            | typeof custodyStepsTable
            | typeof attachmentsTable,
        ) =>
        (id: string) =>
          Boolean(tx.select({ id: table.id }).from(table).where(eq(table.id, id)).get());

      let caseId: string | null = null;
      if (snapshot.case) {
        // Status and supervision level are the sending unit's, taken as it reports them (after
        // the workflow's checks): the case is theirs, and this workspace's 成绩单 never counts a
        // received case (unit-statistics.ts), whatever it says.
        const row = checkedCase(snapshot.case);
        caseId = fresh(snapshot.case.id, taken(casesTable));
        tx.insert(casesTable)
          .values({ ...row, ...stamp, id: caseId })
          .run();
        indexCase(tx, caseId);
      }
      const mapCase = (id: string | null) =>
        id && snapshot.case && id === snapshot.case.id ? caseId : null;
      let created = 0;
      for (const [row, item] of snapshot.entities.entries()) {
        // Matched entities (same ID, or same identifier) are not inserted again.
        if (matched.has(item.entity.id)) continue;
        const { details, outcome } = checkedDetails(item.details, row);
        const notes = [item.entity.notes, outcome].filter(Boolean).join('\n') || null;
        tx.insert(entitiesTable)
          .values({ ...item.entity, notes, ...stamp, mergedIntoId: null, deletedAt: null })
          .run();
        const table = kindTables[item.entity.kind as EntityKind];
        tx.insert(table)
          .values({ ...details, entityId: item.entity.id } as never)
          .run();
        indexEntity(tx, item.entity.id);
        created += 1;
      }
      const mapEntity = (id: string | null) => (id ? (entityId.get(id) ?? null) : null);
      for (const [row, member] of snapshot.caseEntities.entries()) {
        if (!caseId) break;
        const fields = checkedMember(member, row, caseId, mapEntity(member.entityId)!);
        const inserted = tx
          .insert(caseEntitiesTable)
          .values({ ...fields, ...stamp, id: fresh(member.id, taken(caseEntitiesTable)) })
          .onConflictDoNothing()
          .run();
        if (inserted.changes === 0) continue;
        records.push({
          action: 'cases.entityAdded',
          targetType: 'case',
          targetId: caseId,
          details: {
            caseId,
            entityId: fields.entityId,
            roleInCase: fields.roleInCase,
            legalStatus: fields.legalStatus,
            caughtOn: fields.caughtOn,
            fromPackage: true,
          },
        });
      }
      let relations = 0;
      for (const [row, relation] of snapshot.relations.entries()) {
        // The relation is numbered here: a package's numbers are another workspace's (a
        // package made before numbers were left out of it carries them), and its fields are
        // the ones manual entry derives.
        if (taken(relationsTable)(relation.id)) continue;
        const fields = checkedRelation(tx, relation, row, {
          fromEntityId: mapEntity(relation.fromEntityId)!,
          toEntityId: mapEntity(relation.toEntityId)!,
          caseId: mapCase(relation.caseId),
        });
        tx.insert(relationsTable)
          .values({
            ...fields,
            ...stamp,
            id: relation.id,
            // No merge of this workspace hid it.
            mergedAway: false,
          })
          .run();
        relations += 1;
        // Between two entities this workspace already held (a case's people here): recorded as
        // a relation entered by hand is, for their cases' reviewers to find.
        if (matched.has(relation.fromEntityId) && matched.has(relation.toEntityId))
          records.push({
            action: 'relations.created',
            targetType: 'relation',
            targetId: relation.id,
            details: {
              caseId: fields.caseId,
              type: fields.type,
              from: fields.fromEntityId,
              to: fields.toEntityId,
              caseIds: tx
                .all<{ caseId: string }>(
                  sql`SELECT DISTINCT case_id AS caseId FROM case_entities
                    WHERE entity_id IN (${fields.fromEntityId}, ${fields.toEntityId})`,
                )
                .map((one) => one.caseId),
              fromPackage: true,
            },
          });
      }
      const seizureId = new Map<string, string>();
      for (const [row, seizure] of snapshot.seizures.entries()) {
        const id = fresh(seizure.id, taken(seizuresTable));
        seizureId.set(seizure.id, id);
        const fields = checkedSeizure(tx, seizure, row, {
          caseId: caseId!,
          fromEntityId: mapEntity(nullableText(seizure['fromEntityId'])),
          locationEntityId: mapEntity(nullableText(seizure['locationEntityId'])),
        });
        const quantity = normaliseQuantity(fields.quantityValue, fields.quantityUnit);
        if (!quantity.ok) throw new Error('A checked quantity did not normalise');
        tx.insert(seizuresTable)
          .values({
            ...fields,
            ...stamp,
            id,
            quantityNormalised: quantity.value,
            normalisedUnit: quantity.unit,
          })
          .run();
        records.push({
          action: 'seizures.created',
          targetType: 'seizure',
          targetId: id,
          details: { ...seizureAuditFacts(findSeizure(tx, id)!), fromPackage: true },
        });
      }
      for (const step of snapshot.custodySteps)
        tx.insert(custodyStepsTable)
          .values({
            ...step,
            id: fresh(step.id, taken(custodyStepsTable)),
            seizureId: seizureId.get(step.seizureId)!,
          } as never)
          .run();
      const eventId = new Map<string, string>();
      for (const [row, event] of snapshot.events.entries()) {
        if (!isStoredInstant(event.occurredAt)) throw invalidRow('events', row + 1, 'occurredAt');
        const id = fresh(event.id, taken(eventsTable));
        eventId.set(event.id, id);
        tx.insert(eventsTable)
          .values({ ...event, ...stamp, id, caseId })
          .run();
        records.push({
          action: 'events.created',
          targetType: 'event',
          targetId: id,
          details: { caseId, kind: event.kind, title: event.title, fromPackage: true },
        });
      }
      for (const link of snapshot.eventEntities)
        tx.insert(eventEntitiesTable)
          .values({
            ...link,
            eventId: eventId.get(link.eventId)!,
            entityId: mapEntity(link.entityId)!,
          })
          .onConflictDoNothing()
          .run();
      for (const [index, attachment] of snapshot.attachments.entries()) {
        // A file's name, no path (../../化验报告.pdf had been filed as evidence as it came).
        if (!plainFileName(attachment.fileName))
          throw invalidRow('attachments', index + 1, 'fileName');
        const content = Buffer.from(attachment.contentBase64 ?? '', 'base64');
        if (crypto.createHash('sha256').update(content).digest('hex') !== attachment.sha256)
          throw new AppError('package.corrupt', 'An attachment does not match its SHA-256');
        const ownerId =
          attachment.ownerType === 'case'
            ? caseId!
            : attachment.ownerType === 'seizure'
              ? seizureId.get(attachment.ownerId)!
              : attachment.ownerType === 'event'
                ? eventId.get(attachment.ownerId)!
                : mapEntity(attachment.ownerId)!;
        const { contentBase64: _content, ...row } = attachment;
        tx.insert(attachmentsTable)
          .values({
            ...row,
            ...stamp,
            id: fresh(row.id, taken(attachmentsTable)),
            ownerId,
            caseId: mapCase(row.caseId),
            // A package carries the bytes inline; small enough to keep in the database.
            storage: 'database',
            content,
          })
          .run();
        records.push({
          action: 'attachments.added',
          targetType: 'attachment',
          targetId: ownerId,
          details: {
            caseId: mapCase(row.caseId),
            ownerType: row.ownerType,
            ownerId,
            fileName: row.fileName,
            sha256: row.sha256,
            fromPackage: true,
          },
        });
      }
      return {
        caseId,
        entitiesCreated: created,
        entitiesMatched: review.entities.filter((item) => item.status === 'matched').length,
        relations,
        seizures: snapshot.seizures.length,
        events: snapshot.events.length,
        attachments: snapshot.attachments.length,
      };
    },
    (summary) => [
      {
        action: 'package.imported',
        targetType: summary.caseId ? 'case' : 'workspace',
        targetId: summary.caseId,
        details: {
          ...summary,
          caseNo: snapshot.case?.caseNo ?? null,
          sourceWorkspaceId: snapshot.sourceWorkspaceId,
          exportedAt: snapshot.exportedAt,
        },
      },
      ...records,
    ],
  );
}

/** The package as sent (base64) and its passphrase. */
interface SealedPackage {
  contentBase64: string;
  passphrase: string;
}

function openSealed(sealed: SealedPackage, kdf: KdfCost | undefined): Promise<CaseSnapshot> {
  return openPackage(Buffer.from(sealed.contentBase64, 'base64'), sealed.passphrase, kdf);
}

/** Opens a package and reviews it against this workspace; writes nothing. */
export async function reviewSealedPackage(
  workspace: UnlockedWorkspace,
  sealed: SealedPackage,
  kdf: KdfCost | undefined,
): Promise<PackageReview> {
  return reviewPackage(workspace.db, await openSealed(sealed, kdf));
}

/** Opens a package and imports it (one audited transaction). */
export async function importSealedPackage(
  workspace: UnlockedWorkspace,
  sealed: SealedPackage,
  kdf: KdfCost | undefined,
): Promise<PackageSummary> {
  return importPackage(workspace, await openSealed(sealed, kdf));
}

/**
 * A new entity's details as manual entry would take them: a person's resident ID number must
 * pass its check digit (it takes a unique number a real person may later need), and a gang's
 * 打掉 or a place's 捣毁 date is the sending unit's outcome, not this one's (it had counted in
 * the 成绩单 once the entity was put in a case here, with no outcome recorded).
 */
function checkedDetails(
  details: Record<string, unknown>,
  row: number,
): { details: Record<string, unknown>; outcome: string | null } {
  const idNumber = details['idNumber'];
  if (
    typeof idNumber === 'string' &&
    (details['idType'] ?? 'resident_id') === 'resident_id' &&
    !parseResidentId(idNumber).ok
  )
    throw invalidRow('entities', row + 1, 'idNumber');
  // Kept as the sender's word in the entity's notes, where the 成绩单 does not read it.
  const broken = typeof details['brokenOn'] === 'string' ? details['brokenOn'] : null;
  const destroyed = typeof details['destroyedOn'] === 'string' ? details['destroyedOn'] : null;
  return {
    details: {
      ...details,
      ...('brokenOn' in details && { brokenOn: null }),
      ...('destroyedOn' in details && { destroyedOn: null }),
    },
    outcome: broken
      ? `来文单位记录：已于 ${broken} 打掉`
      : destroyed
        ? `来文单位记录：已于 ${destroyed} 捣毁`
        : null,
  };
}

/** A day (2026-11-20) or an ISO instant, as events store them. */
function isStoredInstant(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/.test(
      value,
    ) &&
    !Number.isNaN(Date.parse(value))
  );
}

/** A file's own name: no folder, no parent, no control characters. */
function plainFileName(name: unknown): boolean {
  return (
    typeof name === 'string' &&
    name.trim() !== '' &&
    ![...name].some((char) => char === '/' || char === '\\' || char.charCodeAt(0) < 32) &&
    name !== '.' &&
    name !== '..'
  );
}
