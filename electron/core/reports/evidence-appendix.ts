import { sql } from 'drizzle-orm';
import { linesText } from '../../api/domain/file-lines';
import type { RelationType } from '../../api/domain/relation-types';
import type { DocumentLanguage } from '../../api/i18n/chinese-format';
import { enumText, fill } from '../../api/i18n/document-text';
import { en } from '../../api/i18n/en';
import { zhCN } from '../../api/i18n/zh-CN';
import type { Executor } from '../db/database-types';
import { chunks } from '../graph/graph-data';

/** Where a relation's records came from: an imported file and the lines of it. */
interface EvidenceSource {
  fileName: string;
  sha256: string;
  lines: number[];
}

/** One relation with imported records: "关系 → 原始记录 → 文件第 N 行". */
export interface RelationEvidence {
  relationId: string;
  type: RelationType;
  from: string;
  to: string;
  /** Every record of the relation (call, message, transfer). */
  records: number;
  /** The first records' files and lines, in import order; `records` minus these are left out. */
  sources: EvidenceSource[];
  moreRecords: number;
}

interface EvidenceLimits {
  relations: number;
  linesPerRelation: number;
}

/** The briefing keeps the appendix to a few pages; an export can list more. */
export const briefingEvidenceLimits: EvidenceLimits = { relations: 30, linesPerRelation: 10 };

/**
 * The imported records behind these relations: per relation, the files (name and SHA-256)
 * and line numbers its calls, messages and transfers were read from, relations with most
 * records first, at most `limits.relations` relations and `limits.linesPerRelation` lines
 * each. `moreRelations` counts the relations with records left out.
 */
export function readEvidence(
  db: Executor,
  relationIds: string[],
  limits: EvidenceLimits,
): { relations: RelationEvidence[]; moreRelations: number } {
  const counted: { id: string; type: RelationType; from: string; to: string; n: number }[] = [];
  for (const part of chunks([...new Set(relationIds)])) {
    const ids = JSON.stringify(part);
    counted.push(
      ...db.all<{ id: string; type: RelationType; from: string; to: string; n: number }>(sql`
        SELECT r.id, r.type, f.label AS "from", t.label AS "to",
          (SELECT count(*) FROM call_records c WHERE c.relation_num = r.num)
            + (SELECT count(*) FROM money_transfers m WHERE m.relation_id = r.id AND m.offset_of IS NULL) AS n
        FROM relations r
        JOIN entities f ON f.id = r.from_entity_id
        JOIN entities t ON t.id = r.to_entity_id
        WHERE r.id IN (SELECT value FROM json_each(${ids})) AND r.deleted_at IS NULL`),
    );
  }
  const withRecords = counted
    .filter((relation) => relation.n > 0)
    .sort(
      (a, b) =>
        b.n - a.n ||
        a.from.localeCompare(b.from) ||
        a.to.localeCompare(b.to) ||
        (a.id < b.id ? -1 : 1),
    );
  const relations = withRecords.slice(0, limits.relations).map((relation) => {
    const rows = db.all<{ import_id: string; file_name: string; sha256: string; line: number }>(sql`
      SELECT i.id AS import_id, i.file_name, i.sha256, x.line FROM (
        SELECT i.id AS import_id, c.line FROM call_records c JOIN imports i ON i.num = c.import_num
        WHERE c.relation_num = (SELECT num FROM relations WHERE id = ${relation.id})
        UNION ALL SELECT import_id, line FROM money_transfers
          WHERE relation_id = ${relation.id} AND offset_of IS NULL
      ) x JOIN imports i ON i.id = x.import_id
      ORDER BY i.created_at, i.id, x.line
      LIMIT ${limits.linesPerRelation}`);
    const sources: (EvidenceSource & { importId: string })[] = [];
    for (const row of rows) {
      const last = sources.at(-1);
      if (last?.importId === row.import_id) last.lines.push(row.line);
      else
        sources.push({
          importId: row.import_id,
          fileName: row.file_name,
          sha256: row.sha256,
          lines: [row.line],
        });
    }
    return {
      relationId: relation.id,
      type: relation.type,
      from: relation.from,
      to: relation.to,
      records: relation.n,
      sources: sources.map(({ importId: _id, ...source }) => source),
      moreRecords: relation.n - rows.length,
    };
  });
  return { relations, moreRelations: withRecords.length - relations.length };
}

/** The appendix in words, one block per relation, for the briefing and the case export. */
export interface EvidenceAppendix {
  title: string;
  intro: string;
  relations: { relation: string; sources: string[] }[];
  /** "及另外 N 个关系", or empty. */
  more: string;
  /** Said when no relation has imported records. */
  none: string;
}

/** SHA-256 shown by its first 12 hex digits: enough to match the file, short enough to read. */
const shaShown = 12;

export function evidenceAppendix(
  evidence: { relations: RelationEvidence[]; moreRelations: number },
  language: DocumentLanguage,
): EvidenceAppendix {
  const text = (language === 'zh-CN' ? zhCN : en).briefings.evidence;
  const types = enumText(language).relationType;
  return {
    title: text.title,
    intro: text.intro,
    relations: evidence.relations.map((relation) => ({
      relation: fill(text.relation, {
        from: relation.from,
        to: relation.to,
        type: types[relation.type],
        count: relation.records,
      }),
      sources: [
        ...relation.sources.map((source) =>
          fill(text.source, {
            file: source.fileName,
            sha: source.sha256 ? source.sha256.slice(0, shaShown) : text.noSha,
            lines: linesText(source.lines, language === 'zh-CN' ? 'zh' : 'en'),
          }),
        ),
        ...(relation.moreRecords > 0
          ? [fill(text.moreRecords, { count: relation.moreRecords })]
          : []),
      ],
    })),
    more:
      evidence.moreRelations > 0 ? fill(text.moreRelations, { count: evidence.moreRelations }) : '',
    none: text.none,
  };
}

/** The appendix as plain lines (the case export's sheet, a text preview). */
export function evidenceLines(appendix: EvidenceAppendix): string[] {
  if (!appendix.relations.length) return [appendix.none];
  return [
    ...appendix.relations.flatMap((entry) => [
      entry.relation,
      ...entry.sources.map((source) => `  → ${source}`),
    ]),
    ...(appendix.more ? [appendix.more] : []),
  ];
}
