import { sql, type SQL } from 'drizzle-orm';
import { handsetKey, imsiOf } from '../../api/domain/handset-ids';
import { parsePhone, parsePlate } from '../../api/domain/identifiers';
import { normaliseResidentId, parseResidentId } from '../../api/domain/resident-id';
import {
  searchGroupTypes,
  type SearchGroupType,
  type SearchHit,
  type SearchResult,
} from '../../api/schemas/search-schemas';
import type { Executor } from '../db/database-types';
import { containsPattern } from '../db/like-pattern';

/** How many candidates a text search ranks before grouping. */
const candidateLimit = 300;
/** FTS5's trigram tokenizer indexes runs of three characters; shorter terms scan instead. */
const trigramLength = 3;

interface DocumentRow {
  target_type: SearchGroupType;
  target_id: string;
  title: string;
  subtitle: string | null;
  body: string;
  pinyin: string;
}

/** Entities and cases whose identifier equals the query exactly, in its normalised form. */
function identifierHits(db: Executor, text: string): SearchHit[] {
  const compact = text.replace(/\s+/g, '');
  const candidates: SQL[] = [];
  // A first-generation 15-digit number finds the person by the 18-digit form it is stored in.
  const resident = parseResidentId(compact);
  const idNumber = resident.ok ? resident.value.normalised : normaliseResidentId(compact);
  if (/^\d{17}[\dX]$/.test(idNumber))
    candidates.push(sql`SELECT entity_id AS id FROM persons WHERE id_number = ${idNumber}`);
  const phone = parsePhone(compact);
  if (phone.ok)
    candidates.push(sql`SELECT entity_id AS id FROM phones WHERE number = ${phone.value}`);
  const plate = parsePlate(compact);
  if (plate.ok)
    candidates.push(sql`SELECT entity_id AS id FROM vehicles WHERE plate = ${plate.value}`);
  // An IMEI (14, 15 or 16 digits, a MEID) or an IMSI finds the phones its records show it
  // with: the handset a second SIM went into, the SIM a target's lists name.
  const imei = /^[\dA-Fa-f-]{14,18}$/.test(compact) ? handsetKey(compact) : null;
  if (imei)
    candidates.push(
      sql`SELECT phone_id AS id FROM phone_identifiers WHERE type = 'imei' AND value = ${imei}`,
    );
  const imsi = /^\d{15}$/.test(compact) ? imsiOf(compact) : null;
  if (imsi)
    candidates.push(
      sql`SELECT phone_id AS id FROM phone_identifiers WHERE type = 'imsi' AND value = ${imsi}`,
    );
  candidates.push(sql`SELECT entity_id AS id FROM accounts WHERE account_no = ${compact}`);
  // A masked login an Alipay user was printed by (138****5678): every account shown by it.
  if (/[*＊]/.test(compact))
    candidates.push(
      sql`SELECT account_id AS id FROM account_identifiers WHERE type = 'login' AND value = ${compact}`,
    );
  candidates.push(
    sql`SELECT entity_id AS id FROM parcels WHERE waybill_no = ${compact.toUpperCase()}`,
  );
  candidates.push(sql`SELECT id FROM cases WHERE case_no = ${compact.toUpperCase()}`);
  const union = sql.join(candidates, sql` UNION `);
  return db
    .all<DocumentRow>(sql`SELECT d.* FROM search_documents d WHERE d.target_id IN (${union})`)
    .map((row) => toHit(row, 'identifier'));
}

function toHit(row: DocumentRow, matchedBy: SearchHit['matchedBy']): SearchHit {
  return {
    type: row.target_type,
    id: row.target_id,
    title: row.title,
    subtitle: row.subtitle,
    matchedBy,
  };
}

/** A term as one FTS5 phrase: quoted, inner quotes doubled, so no query syntax gets through. */
function phrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/**
 * Documents containing every term of the query: terms of three characters or more through the
 * trigram index (ranked by bm25), shorter ones (1–2 Chinese characters, initials like "qm") by
 * scanning, since trigrams cannot hold them.
 */
function textCandidates(
  db: Executor,
  terms: string[],
): { rows: DocumentRow[]; totals: Map<string, number> } {
  const indexed = terms.filter((term) => [...term].length >= trigramLength);
  const scanned = terms.filter((term) => [...term].length < trigramLength);
  const conditions: SQL[] = scanned.map((term) => {
    const pattern = containsPattern(term);
    return sql`(d.title LIKE ${pattern} ESCAPE '\\' OR d.body LIKE ${pattern} ESCAPE '\\' OR d.pinyin LIKE ${pattern} ESCAPE '\\')`;
  });
  let from: SQL;
  let order: SQL;
  if (indexed.length) {
    const match = indexed.map(phrase).join(' AND ');
    from = sql`search_index JOIN search_documents d ON d.key = search_index.rowid`;
    conditions.unshift(sql`search_index MATCH ${match}`);
    // Title matches first, then bm25 (lower is better).
    order = sql`bm25(search_index, 10.0, 1.0, 2.0)`;
  } else {
    from = sql`search_documents d`;
    order = sql`(d.title LIKE ${containsPattern(scanned[0] ?? '')} ESCAPE '\\') DESC, length(d.title)`;
  }
  const where = sql.join(conditions, sql` AND `);
  const rows = db.all<DocumentRow>(
    sql`SELECT d.target_type, d.target_id, d.title, d.subtitle, d.body, d.pinyin FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT ${candidateLimit}`,
  );
  const totals = new Map(
    db
      .all<{ target_type: string; n: number }>(
        sql`SELECT d.target_type, count(*) AS n FROM ${from} WHERE ${where} GROUP BY d.target_type`,
      )
      .map((row) => [row.target_type, row.n]),
  );
  return { rows, totals };
}

/**
 * The global search: exact identifiers first (ID number, phone, IMEI, IMSI, plate, account,
 * waybill, case number), then text and pinyin matches; grouped by entity kind and cases.
 */
export function searchWorkspace(db: Executor, text: string, limitPerGroup: number): SearchResult {
  const query = text.normalize('NFKC').trim();
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  const exact = identifierHits(db, query);
  const { rows, totals } = terms.length
    ? textCandidates(db, terms)
    : { rows: [], totals: new Map<string, number>() };

  const seen = new Set(exact.map((hit) => hit.id));
  const byType = new Map<SearchGroupType, SearchHit[]>();
  const add = (hit: SearchHit) => {
    const list = byType.get(hit.type) ?? [];
    list.push(hit);
    byType.set(hit.type, list);
  };
  exact.forEach(add);
  for (const row of rows) {
    if (seen.has(row.target_id)) continue;
    seen.add(row.target_id);
    const inText = terms.every((term) => `${row.title} ${row.body}`.toLowerCase().includes(term));
    add(toHit(row, inText ? 'text' : 'pinyin'));
  }

  return {
    groups: searchGroupTypes
      .filter((type) => byType.has(type))
      .map((type) => {
        const hits = byType.get(type)!;
        const exactCount = exact.filter(
          (hit) => hit.type === type && !rows.some((row) => row.target_id === hit.id),
        ).length;
        return {
          type,
          total: Math.max(hits.length, (totals.get(type) ?? 0) + exactCount),
          hits: hits.slice(0, limitPerGroup),
        };
      }),
  };
}
