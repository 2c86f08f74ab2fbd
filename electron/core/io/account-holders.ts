import { addPersonAliases } from '../entities/person-aliases';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database-types';
import { findHolder } from '../entities/entity-identifiers';
import { findOwner } from '../entities/entity-owner';
import { insertEntity } from '../entities/entity-repository';
import { regionName } from '../entities/region-names';
import { insertRelation } from '../relations/relation-repository';
import { holderDocumentOf } from './holder-document';

/** An account's holder as a statement names it: document number and 户名. */
export interface NamedHolder {
  idNumber: string;
  name: string | null;
}

interface HolderWrite {
  actor: string;
  now: string;
  /** The file, as the source of the relations written. */
  fileName: string;
  caseId: string | null;
  /** An entity the import created (true) or found (false). */
  onEntity(id: string, created: boolean): void;
  /** A relation the import created. */
  onRelation(id: string): void;
  /** A name the import added to a person found by the document number. */
  onAlias(personId: string, name: string): void;
}

/**
 * Ties accounts to the people and companies a bank names as their holders (交易方证件号码,
 * 对手身份证号: how 资金穿透 gets from accounts to people): the person recorded with that
 * document number, or the company with that credit code, else a new one under the 户名; then
 * the 机主 relation holder → account, unless the account already has a registered owner (one
 * recorded by hand or by an earlier file stays). A holder recorded and deleted is not revived
 * (its number stays taken); a holder without a name, or named by a 15-digit number (no check
 * digit: an old business registration number passes for one), is found but not created.
 */
export function linkAccountHolders(
  tx: Executor,
  holders: Map<string, NamedHolder>,
  write: HolderWrite,
): void {
  const holderIds = new Map<string, string | null>();
  for (const [accountId, holder] of holders) {
    if (findOwner(tx, accountId)) continue;
    let ownerId = holderIds.get(holder.idNumber);
    if (ownerId === undefined) {
      ownerId = holderEntity(tx, holder, write);
      holderIds.set(holder.idNumber, ownerId);
    }
    if (!ownerId) continue;
    const relationId = insertRelation(
      tx,
      {
        fromEntityId: ownerId,
        toEntityId: accountId,
        type: 'owns',
        directed: true,
        source: write.fileName,
        caseId: write.caseId,
      },
      write.actor,
      write.now,
    );
    write.onRelation(relationId);
  }
}

/** The live person or company holding the document, found or created; null when neither. */
function holderEntity(tx: Executor, holder: NamedHolder, write: HolderWrite): string | null {
  const document = holderDocumentOf(holder.idNumber);
  if (!document) return null;
  const name = holder.name?.replace(/\s+/g, ' ').trim().slice(0, 100) || null;
  if (document.kind === 'person') {
    const found = findHolder(tx, 'person', document.number);
    if (found) {
      if (found.deleted_at) return null;
      write.onEntity(found.id, false);
      // Another name under the number is kept as an alias (a masked one, 张*三, is no name).
      if (found.kind === 'person' && name)
        for (const alias of addPersonAliases(tx, found.id, [name])) write.onAlias(found.id, alias);
      return found.id;
    }
    if (!name || document.fifteenDigits) return null;
    const id = insertEntity(
      tx,
      {
        kind: 'person',
        name,
        aliases: [],
        gender: document.gender ?? 'unknown',
        birthDate: document.birthDate,
        idNumber: document.number,
        idType: document.type,
        household: document.regionCode ? regionName(document.regionCode) : null,
        address: null,
        riskGrade: null,
        personColour: null,
      },
      write.actor,
      write.now,
    );
    write.onEntity(id, true);
    return id;
  }
  const company = companyWithCode(tx, document.number);
  if (company) {
    write.onEntity(company, false);
    return company;
  }
  if (!name) return null;
  const id = insertEntity(
    tx,
    {
      kind: 'organisation',
      name,
      orgType: 'company',
      creditCode: document.number,
      licenceNumbers: [],
    },
    write.actor,
    write.now,
  );
  write.onEntity(id, true);
  return id;
}

/**
 * The live company recorded with a credit code: a duplicate merged into another stands for the
 * one it was merged into (the code is not unique, unlike a person's ID number).
 */
function companyWithCode(tx: Executor, creditCode: string): string | null {
  interface Found {
    id: string;
    deleted_at: string | null;
    merged_into_id: string | null;
  }
  const candidates = tx.all<Found>(
    sql`SELECT e.id, e.deleted_at, e.merged_into_id FROM organisations o JOIN entities e ON e.id = o.entity_id
      WHERE o.credit_code = ${creditCode} ORDER BY e.created_at, e.id`,
  );
  for (let found of candidates) {
    for (let hops = 0; found.merged_into_id && hops < 20; hops += 1) {
      const next = tx.get<Found>(
        sql`SELECT id, deleted_at, merged_into_id FROM entities WHERE id = ${found.merged_into_id}`,
      );
      if (!next) break;
      found = next;
    }
    if (!found.deleted_at && !found.merged_into_id) return found.id;
  }
  return null;
}
