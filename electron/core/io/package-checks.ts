import crypto from 'node:crypto';
import { parseResidentId } from '../../api/domain/resident-id';
import { AppError } from '../app-error';
import type { RelationInsert } from '../relations/relation-repository';
import type { CaseSnapshot } from './case-snapshot';
import { implausibleSeizures, type ImplausibleSeizure } from './package-implausible';
import { checkedCase, checkedMember, checkedRelation, invalidRow } from './package-rows';

/**
 * A package's rows checked by the rules of manual entry that read no database, in the package's
 * checking thread (package-worker): everything the writer then does on the main thread is
 * matching, inserting and the checks that need this workspace's rows (a seizure's case, ends).
 * Rows keep the package's IDs; the writer maps them to this workspace's.
 */
export interface CheckedPackage {
  snapshot: CaseSnapshot;
  caseRow: ReturnType<typeof checkedCase> | null;
  /**
   * Each entity's details as manual entry takes them and its notes, by the package's order;
   * `badIdNumber` refuses it only if it is new here (a matched entity is not written).
   */
  entities: { details: Record<string, unknown>; notes: string | null; badIdNumber: boolean }[];
  members: ReturnType<typeof checkedMember>[];
  relations: (RelationInsert & { messageCount: number | null })[];
  implausible: ImplausibleSeizure[];
}

/** Rows checked between two progress reports. */
const reportEvery = 2_000;

export function checkPackageRows(
  snapshot: CaseSnapshot,
  onProgress: (done: number, total: number) => void = () => undefined,
): CheckedPackage {
  const total =
    snapshot.entities.length +
    snapshot.caseEntities.length +
    snapshot.relations.length +
    snapshot.events.length +
    snapshot.attachments.length;
  let done = 0;
  const step = () => {
    done += 1;
    if (done % reportEvery === 0) onProgress(done, total);
  };
  const caseRow = snapshot.case ? checkedCase(snapshot.case) : null;
  const entities = snapshot.entities.map((item) => {
    step();
    const { details, outcome, badIdNumber } = checkedDetails(item.details);
    return {
      details,
      notes: [item.entity.notes, outcome].filter(Boolean).join('\n') || null,
      badIdNumber,
    };
  });
  const members = snapshot.caseEntities.map((member, row) => {
    step();
    return checkedMember(member, row, member.caseId, member.entityId);
  });
  const relations = snapshot.relations.map((relation, row) => {
    step();
    return checkedRelation(relation, row);
  });
  for (const [row, event] of snapshot.events.entries()) {
    step();
    if (!isStoredInstant(event.occurredAt)) throw invalidRow('events', row, 'occurredAt');
  }
  for (const [row, attachment] of snapshot.attachments.entries()) {
    step();
    // A file's name, no path (../../化验报告.pdf had been filed as evidence as it came).
    if (!plainFileName(attachment.fileName)) throw invalidRow('attachments', row, 'fileName');
    const content = Buffer.from(attachment.contentBase64 ?? '', 'base64');
    if (crypto.createHash('sha256').update(content).digest('hex') !== attachment.sha256)
      throw new AppError('package.corrupt', 'An attachment does not match its SHA-256');
  }
  onProgress(total, total);
  return {
    snapshot,
    caseRow,
    entities,
    members,
    relations,
    implausible: implausibleSeizures(snapshot.seizures),
  };
}

/**
 * A new entity's details as manual entry would take them: a person's resident ID number must
 * pass its check digit (it takes a unique number a real person may later need), and a gang's
 * 打掉 or a place's 捣毁 date is the sending unit's outcome, not this one's (it had counted in
 * the 成绩单 once the entity was put in a case here, with no outcome recorded).
 */
function checkedDetails(details: Record<string, unknown>): {
  details: Record<string, unknown>;
  outcome: string | null;
  badIdNumber: boolean;
} {
  const idNumber = details['idNumber'];
  const badIdNumber =
    typeof idNumber === 'string' &&
    (details['idType'] ?? 'resident_id') === 'resident_id' &&
    !parseResidentId(idNumber).ok;
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
    badIdNumber,
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
