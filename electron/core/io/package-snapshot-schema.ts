import * as z from 'zod';
import { maxInlineAttachmentBytes } from '../../api/domain/attachment-limits';

/** A package carries attachments inline, in memory: each at most the inline limit (32 MiB). */
const maxPackageAttachmentBytes = maxInlineAttachmentBytes;
import { entityKinds } from '../../api/domain/entity-kinds';
import { attachmentOwnerTypes } from '../../api/schemas/attachment-schemas';

/**
 * What a case package may contain, checked before anything is read from it: the shape of every
 * row, the keys that tie rows together, counts, and the attachment limit the API enforces.
 * Row fields beyond the keys go to the database's own constraints inside the import's one
 * transaction (a violation there is refused as a conflict, never a crash).
 */
const id = z.string().min(1).max(64);
const nullableId = id.nullable();
const text = z.string().max(100_000);
const row = <T extends z.ZodRawShape>(shape: T) => z.looseObject({ id, ...shape });
const many = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max);

/** Base64 of one attachment: at most the API's limit once decoded. */
const attachmentBase64 = z
  .string()
  .max(Math.ceil((maxPackageAttachmentBytes * 4) / 3) + 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);

const maxPackageAttachments = 500;

export const packageSnapshotSchema = z.object({
  format: z.literal('quanlian-case/1'),
  exportedAt: z.string().max(40),
  sourceWorkspaceId: id,
  case: row({ caseNo: z.string().min(1).max(100), title: text }).nullable(),
  entities: many(
    z.object({
      entity: row({ kind: z.enum(entityKinds), label: text }),
      details: z.record(z.string().max(64), z.unknown()),
    }),
    100_000,
  ),
  caseEntities: many(row({ caseId: id, entityId: id }), 100_000),
  relations: many(row({ fromEntityId: id, toEntityId: id, caseId: nullableId }), 500_000),
  seizures: many(row({ caseId: id }), 100_000),
  custodySteps: many(row({ seizureId: id }), 100_000),
  events: many(row({ caseId: nullableId }), 100_000),
  eventEntities: many(z.looseObject({ eventId: id, entityId: id }), 500_000),
  attachments: many(
    row({
      ownerType: z.enum(attachmentOwnerTypes),
      ownerId: id,
      caseId: nullableId,
      sizeBytes: z.number().int().min(1).max(maxPackageAttachmentBytes),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      contentBase64: attachmentBase64,
    }),
    maxPackageAttachments,
  ),
});

/** The problems worth naming to the user: which list and which row. */
export function describeSnapshotProblem(error: z.ZodError): { path: string; code: string } {
  const issue = error.issues[0];
  return { path: issue?.path.slice(0, 3).join('.') ?? '', code: issue?.code ?? 'invalid' };
}

/** IDs must be unique within each list, and references must point into the package. */
export function findInconsistency(snapshot: z.infer<typeof packageSnapshotSchema>): string | null {
  const entityIds = new Set<string>();
  for (const item of snapshot.entities) {
    if (entityIds.has(item.entity.id)) return `entities.${item.entity.id}`;
    entityIds.add(item.entity.id);
  }
  for (const [name, rows] of [
    ['caseEntities', snapshot.caseEntities],
    ['relations', snapshot.relations],
    ['seizures', snapshot.seizures],
    ['custodySteps', snapshot.custodySteps],
    ['events', snapshot.events],
    ['attachments', snapshot.attachments],
  ] as const) {
    const seen = new Set<string>();
    for (const item of rows) {
      if (seen.has(item.id)) return `${name}.${item.id}`;
      seen.add(item.id);
    }
  }
  const known = (entity: string | null) => entity === null || entityIds.has(entity);
  for (const relation of snapshot.relations)
    if (!known(relation.fromEntityId) || !known(relation.toEntityId))
      return `relations.${relation.id}`;
  for (const member of snapshot.caseEntities)
    if (!known(member.entityId)) return `caseEntities.${member.id}`;
  for (const link of snapshot.eventEntities)
    if (!known(link.entityId) || !snapshot.events.some((event) => event.id === link.eventId))
      return `eventEntities.${link.eventId}`;
  const seizureIds = new Set(snapshot.seizures.map((seizure) => seizure.id));
  for (const step of snapshot.custodySteps)
    if (!seizureIds.has(step.seizureId)) return `custodySteps.${step.id}`;
  for (const attachment of snapshot.attachments) {
    const owner =
      attachment.ownerType === 'case'
        ? snapshot.case?.id === attachment.ownerId
        : attachment.ownerType === 'seizure'
          ? seizureIds.has(attachment.ownerId)
          : entityIds.has(attachment.ownerId);
    if (!owner) return `attachments.${attachment.id}`;
    // The decoded size must be the declared one (and so within the limit).
    if (Buffer.byteLength(attachment.contentBase64, 'base64') !== attachment.sizeBytes)
      return `attachments.${attachment.id}`;
  }
  return null;
}
