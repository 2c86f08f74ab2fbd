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
  receivedCasesTable,
  seizuresTable,
} from '../db/schema';
import { findHolder } from '../entities/entity-identifiers';
import { kindTables } from '../entities/entity-repository';
import { indexCase, indexEntity } from '../search/search-indexer';
import type { SessionContext } from '../handler-types';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import type { CaseSnapshot } from './case-snapshot';
import { normaliseCaseNo } from '../../api/domain/case-number';
import { normaliseQuantity } from '../../api/domain/quantity';
import type { AuditEntry } from '../audit/audit-log';
import { seizureAuditFacts } from '../seizures/seizure-service';
import { findSeizure } from '../seizures/seizure-queries';
import type { CheckedPackage } from './package-checks';
import { writeRelations } from './package-relations';
import { checkPackageInThread } from './package-thread';
import { checkedSeizure, invalidRow } from './package-rows';
import { takenIds } from './taken-ids';

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
function reviewPackage(db: Executor, checked: CheckedPackage): PackageReview {
  const { snapshot } = checked;
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
    implausibleSeizures: implausibleOf(checked),
  };
}

/** The package's implausible seizures as the review and the audit name them. */
function implausibleOf(checked: CheckedPackage) {
  return checked.implausible.map((one) => ({
    ...one,
    caseNo: checked.snapshot.case?.caseNo ?? null,
  }));
}

/**
 * Writes a package in one transaction: new entities keep their IDs (IDs are UUIDv7, unique
 * across workstations), known ones are linked instead of duplicated and keep this workspace's
 * fields; rows are stamped as imported by the current user; attachments are checked against
 * their SHA-256. A package with an implausible seizure is written only once the user
 * confirmed it (`confirmedImplausible`), as a seizure entered by hand is.
 */
function importPackage(
  workspace: UnlockedWorkspace,
  checked: CheckedPackage,
  confirmedImplausible: boolean,
): PackageSummary {
  const { snapshot } = checked;
  // A 协查 package comes from another unit. One of this workspace's own (its case exported and
  // brought back) would be a second copy of its cases, seizures and suspects.
  if (snapshot.sourceWorkspaceId === workspace.workspaceId)
    throw new AppError('package.ownWorkspace', 'The package was made in this workspace');
  const first = checked.implausible[0];
  if (first && !confirmedImplausible)
    throw new AppError('package.implausibleQuantity', 'A seizure in the package needs checking', {
      row: first.row,
      quantity: first.quantity,
      evidenceNo: first.evidenceNo,
      count: checked.implausible.length,
    });
  const now = workspace.now();
  const actor = workspace.user.id;
  const stamp = { createdAt: now, updatedAt: now, createdBy: actor, updatedBy: actor };
  try {
    return writePackage(workspace, checked, stamp, confirmedImplausible);
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

type Stamp = { createdAt: string; updatedAt: string; createdBy: string; updatedBy: string };

function writePackage(
  workspace: UnlockedWorkspace,
  checked: CheckedPackage,
  stamp: Stamp,
  confirmedImplausible: boolean,
): PackageSummary {
  const { snapshot } = checked;
  // Each seizure and member is audited as its manual entry is, with the package's summary.
  const records: AuditEntry[] = [];
  return workspace.write(
    (tx) => {
      const review = reviewPackage(tx, checked);
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
      // A row whose ID this workspace holds already gets a new one (the IDs are looked up a
      // list at a time, not a row at a time).
      const freshIds = (table: string, ids: string[]) => {
        const held = takenIds(workspace.sqlite, table, ids);
        return (id: string) => (held.has(id) ? newId() : id);
      };

      let caseId: string | null = null;
      if (snapshot.case && checked.caseRow) {
        // Status and supervision level are the sending unit's, taken as it reports them (after
        // the workflow's checks): the case is theirs, and this workspace's 成绩单 never counts a
        // received case (unit-statistics.ts), whatever it says.
        caseId = freshIds('cases', [snapshot.case.id])(snapshot.case.id);
        tx.insert(casesTable)
          .values({ ...checked.caseRow, ...stamp, id: caseId })
          .run();
        // What marks it received for the 成绩单: written with the case, not read from the log.
        tx.insert(receivedCasesTable)
          .values({
            caseId,
            receivedAt: stamp.createdAt,
            receivedBy: stamp.createdBy,
            sourceWorkspaceId: snapshot.sourceWorkspaceId,
          })
          .run();
        indexCase(tx, caseId);
      }
      const mapCase = (id: string | null) =>
        id && snapshot.case && id === snapshot.case.id ? caseId : null;
      let created = 0;
      for (const [row, item] of snapshot.entities.entries()) {
        // Matched entities (same ID, or same identifier) are not inserted again.
        if (matched.has(item.entity.id)) continue;
        const { details, notes, badIdNumber } = checked.entities[row]!;
        if (badIdNumber) throw invalidRow('entities', row, 'idNumber');
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
      const memberId = freshIds(
        'case_entities',
        snapshot.caseEntities.map((member) => member.id),
      );
      for (const [row, member] of snapshot.caseEntities.entries()) {
        if (!caseId) break;
        const fields = { ...checked.members[row]!, caseId, entityId: mapEntity(member.entityId)! };
        const inserted = tx
          .insert(caseEntitiesTable)
          .values({ ...fields, ...stamp, id: memberId(member.id) })
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
      const relations = writeRelations(workspace.sqlite, checked, {
        stamp,
        mapEntity: (id) => mapEntity(id)!,
        mapCase,
        // Between two entities this workspace already held (a case's people here): recorded as
        // a relation entered by hand is, for their cases' reviewers to find.
        onWritten: (relation, fields) => {
          if (!matched.has(relation.fromEntityId) || !matched.has(relation.toEntityId)) return;
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
        },
      });
      const seizureId = new Map<string, string>();
      const freshSeizure = freshIds(
        'seizures',
        snapshot.seizures.map((seizure) => seizure.id),
      );
      for (const [row, seizure] of snapshot.seizures.entries()) {
        const id = freshSeizure(seizure.id);
        seizureId.set(seizure.id, id);
        const fields = checkedSeizure(tx, seizure, row, {
          caseId: caseId!,
          fromEntityId: mapEntity(nullableText(seizure['fromEntityId'])),
          locationEntityId: mapEntity(nullableText(seizure['locationEntityId'])),
          confirmedImplausible,
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
        const implausible = checked.implausible.some((one) => one.row === row + 1);
        records.push({
          action: 'seizures.created',
          targetType: 'seizure',
          targetId: id,
          details: {
            ...seizureAuditFacts(findSeizure(tx, id)!),
            fromPackage: true,
            ...(implausible && { confirmedImplausible: true }),
          },
        });
      }
      const stepId = freshIds(
        'custody_steps',
        snapshot.custodySteps.map((step) => step.id),
      );
      for (const step of snapshot.custodySteps)
        tx.insert(custodyStepsTable)
          .values({
            ...step,
            id: stepId(step.id),
            seizureId: seizureId.get(step.seizureId)!,
          } as never)
          .run();
      const eventId = new Map<string, string>();
      const freshEvent = freshIds(
        'events',
        snapshot.events.map((event) => event.id),
      );
      for (const event of snapshot.events) {
        const id = freshEvent(event.id);
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
      const attachmentId = freshIds(
        'attachments',
        snapshot.attachments.map((attachment) => attachment.id),
      );
      for (const attachment of snapshot.attachments) {
        // Its name and SHA-256 were checked in the checking thread (package-checks).
        const content = Buffer.from(attachment.contentBase64 ?? '', 'base64');
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
            id: attachmentId(row.id),
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
          // The seizures the user confirmed as they came, over a plausible quantity.
          ...(checked.implausible.length > 0 && {
            implausibleSeizures: implausibleOf(checked),
          }),
        },
      },
      ...records,
    ],
  );
}

/** The package as sent (base64), its passphrase, and how its receive call is followed. */
interface SealedPackage {
  contentBase64: string;
  passphrase: string;
  /** Names the call's progress events and what its cancel button stops. */
  importId?: string | undefined;
  confirmedImplausible?: boolean | undefined;
}

/**
 * Opens and checks the package in its thread, off the call queue: the calls behind this one
 * (every read of the window) go ahead meanwhile. Progress goes out as `import.progressed`.
 */
function checkSealed(ctx: SessionContext, sealed: SealedPackage): Promise<CheckedPackage> {
  const bytes = Buffer.from(sealed.contentBase64, 'base64');
  return ctx.offQueue(() =>
    checkPackageInThread(
      { bytes, passphrase: sealed.passphrase, floor: ctx.env.kdf },
      sealed.importId,
      (done, total) => {
        ctx.sessions.touch();
        if (sealed.importId)
          ctx.deps.emit('import.progressed', { importId: sealed.importId, done, total });
      },
    ),
  );
}

/** Opens a package and reviews it against this workspace; writes nothing. */
export async function reviewSealedPackage(
  ctx: SessionContext,
  sealed: SealedPackage,
): Promise<PackageReview> {
  const checked = await checkSealed(ctx, sealed);
  return reviewPackage(ctx.workspace.db, checked);
}

/**
 * Opens a package and imports it (one audited transaction). The write runs synchronously as
 * soon as the check is done, so no other call's change can come between its reads and writes.
 */
export async function importSealedPackage(
  ctx: SessionContext,
  sealed: SealedPackage,
): Promise<PackageSummary> {
  const checked = await checkSealed(ctx, sealed);
  return importPackage(ctx.workspace, checked, sealed.confirmedImplausible === true);
}
