import { sql, type SQL } from 'drizzle-orm';
import { supervisionLevels } from '../../api/domain/case-vocabulary';
import { drugCodes, isNarcotic } from '../../api/domain/drug-catalog';
import type { UnitStats } from '../../api/schemas/stats-schemas';
import type { Executor } from '../db/database-types';
import {
  formatDate,
  formatMoney,
  kilograms,
  type DocumentLanguage,
} from '../../api/i18n/chinese-format';
import { enumText } from '../../api/i18n/document-text';

export interface UnitStatsQuery {
  from: string;
  to: string;
  unit?: string | undefined;
}

/** Statuses of a case that count as solved (破案 and every stage after it). */
const solvedStatuses = sql`('solved', 'prosecuted', 'closed')`;
/** Measures that mean the suspect was caught (抓获): all but none and 在逃. */
const caughtStatuses = sql`('summoned', 'detained', 'arrested', 'bail', 'residential_surveillance', 'prosecuted', 'sentenced', 'released')`;
/** A seizure's calendar day in China time (stored as UTC). */
const seizedDay = sql`date(s.seized_at, '+8 hours')`;

const narcoticCodes = JSON.stringify(drugCodes.filter(isNarcotic));

function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last || months.length >= 240) break;
    months.push(key);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

/**
 * The figures of DOMAIN.md's "成绩单" for a period and unit, each by a stated rule:
 * cases solved by their 破案 date; suspects caught by the date of their measure (each person
 * once); drugs and money by the day of seizure; gangs and factories of the cases solved;
 * drug users of the cases opened, "new" when no earlier case had them.
 */
export function unitStatistics(
  db: Executor,
  query: UnitStatsQuery,
  language: DocumentLanguage = 'zh-CN',
): UnitStats {
  const { from, to } = query;
  const unit = query.unit?.trim() || null;
  const inUnit: SQL = unit ? sql`AND c.unit = ${unit}` : sql``;
  const count = (statement: SQL) => db.get<{ n: number }>(statement)?.n ?? 0;
  const live = sql`c.deleted_at IS NULL`;

  const casesOpened = count(
    sql`SELECT count(*) AS n FROM cases c WHERE ${live} AND c.opened_on BETWEEN ${from} AND ${to} ${inUnit}`,
  );
  const solvedWhere = sql`${live} AND c.status IN ${solvedStatuses} AND c.solved_on BETWEEN ${from} AND ${to} ${inUnit}`;
  const casesSolved = count(sql`SELECT count(*) AS n FROM cases c WHERE ${solvedWhere}`);
  const caughtWhere = sql`${live} AND ce.role_in_case = 'suspect' AND ce.legal_status IN ${caughtStatuses}
    AND ce.legal_status_on BETWEEN ${from} AND ${to} ${inUnit}`;
  const suspectsArrested = count(
    sql`SELECT count(DISTINCT ce.entity_id) AS n FROM case_entities ce JOIN cases c ON c.id = ce.case_id WHERE ${caughtWhere}`,
  );
  const seizureWhere = sql`${live} AND s.deleted_at IS NULL AND ${seizedDay} BETWEEN ${from} AND ${to} ${inUnit}`;
  const drugs = db.all<{
    drugType: string;
    unit: 'mg' | 'ml' | 'count';
    total: number;
    seizures: number;
  }>(
    sql`SELECT s.drug_type AS drugType, s.normalised_unit AS unit, sum(s.quantity_normalised) AS total, count(*) AS seizures
      FROM seizures s JOIN cases c ON c.id = s.case_id WHERE ${seizureWhere}
      GROUP BY s.drug_type, s.normalised_unit ORDER BY total DESC, s.drug_type`,
  );
  const drugsMilligrams = drugs
    .filter((drug) => drug.unit === 'mg' && isNarcotic(drug.drugType))
    .reduce((sum, drug) => sum + drug.total, 0);
  const drugMoneyFen =
    db.get<{ fen: number | null }>(
      sql`SELECT sum(s.cash_fen) AS fen FROM seizures s JOIN cases c ON c.id = s.case_id WHERE ${seizureWhere}`,
    )?.fen ?? 0;
  const memberOfSolved = (join: SQL, condition: SQL) =>
    count(sql`SELECT count(DISTINCT ce.entity_id) AS n FROM case_entities ce JOIN cases c ON c.id = ce.case_id
      ${join} WHERE ${solvedWhere} AND ${condition}`);
  const gangsBroken = memberOfSolved(
    sql`JOIN organisations o ON o.entity_id = ce.entity_id`,
    sql`o.org_type = 'gang'`,
  );
  const factoriesDestroyed = memberOfSolved(
    sql`JOIN locations l ON l.entity_id = ce.entity_id`,
    sql`l.location_type = 'factory'`,
  );
  const solvedBySupervision = Object.fromEntries(
    supervisionLevels.map((level) => [level, 0]),
  ) as UnitStats['solvedBySupervision'];
  for (const row of db.all<{ level: (typeof supervisionLevels)[number]; n: number }>(
    sql`SELECT c.supervision_level AS level, count(*) AS n FROM cases c WHERE ${solvedWhere} GROUP BY c.supervision_level`,
  ))
    solvedBySupervision[row.level] = row.n;
  const usersWhere = sql`${live} AND ce.role_in_case = 'drug_user' AND c.opened_on BETWEEN ${from} AND ${to} ${inUnit}`;
  const drugUsersFound = count(
    sql`SELECT count(DISTINCT ce.entity_id) AS n FROM case_entities ce JOIN cases c ON c.id = ce.case_id WHERE ${usersWhere}`,
  );
  const newDrugUsers = count(
    sql`SELECT count(DISTINCT ce.entity_id) AS n FROM case_entities ce JOIN cases c ON c.id = ce.case_id WHERE ${usersWhere}
      AND NOT EXISTS (SELECT 1 FROM case_entities e2 JOIN cases c2 ON c2.id = e2.case_id
        WHERE e2.entity_id = ce.entity_id AND e2.role_in_case = 'drug_user' AND c2.deleted_at IS NULL AND c2.opened_on < ${from})`,
  );

  const months = monthsOf(from, to).map((month) => {
    const first = `${month}-01`;
    const last = `${month}-31`;
    const within = (column: SQL) =>
      sql`${column} BETWEEN max(${first}, ${from}) AND min(${last}, ${to})`;
    return {
      month,
      casesSolved: count(
        sql`SELECT count(*) AS n FROM cases c WHERE ${live} AND c.status IN ${solvedStatuses} AND ${within(sql`c.solved_on`)} ${inUnit}`,
      ),
      suspectsArrested:
        count(sql`SELECT count(DISTINCT ce.entity_id) AS n FROM case_entities ce JOIN cases c ON c.id = ce.case_id
        WHERE ${live} AND ce.role_in_case = 'suspect' AND ce.legal_status IN ${caughtStatuses} AND ${within(sql`ce.legal_status_on`)} ${inUnit}`),
      drugsMilligrams:
        db.get<{
          mg: number | null;
        }>(sql`SELECT sum(s.quantity_normalised) AS mg FROM seizures s JOIN cases c ON c.id = s.case_id
          WHERE ${live} AND s.deleted_at IS NULL AND s.normalised_unit = 'mg' AND ${within(seizedDay)} ${inUnit}
          AND s.drug_type IN (SELECT value FROM json_each(${narcoticCodes}))`)?.mg ?? 0,
    };
  });
  const units = db
    .all<{ unit: string }>(
      sql`SELECT DISTINCT unit FROM cases WHERE deleted_at IS NULL AND unit IS NOT NULL AND unit != '' ORDER BY unit`,
    )
    .map((row) => row.unit);

  const stats = {
    from,
    to,
    unit,
    casesOpened,
    casesSolved,
    suspectsArrested,
    drugsMilligrams,
    drugs,
    gangsBroken,
    factoriesDestroyed,
    solvedBySupervision,
    drugUsersFound,
    newDrugUsers,
    drugMoneyFen,
    months,
    units,
    paragraph: '',
  };
  return { ...stats, paragraph: statsParagraph(stats, language) };
}

/** "2026年1月1日至2026年12月31日，破获毒品刑事案件 26 起，抓获犯罪嫌疑人 59 名，缴获毒品 25.619 千克 …" */
export function statsParagraph(
  stats: Omit<UnitStats, 'paragraph'>,
  language: DocumentLanguage,
): string {
  const names = enumText(language);
  const day = (iso: string) => formatDate(iso, language);
  if (language === 'en') {
    const targets = (['ministry', 'province'] as const)
      .filter((level) => stats.solvedBySupervision[level])
      .map((level) => `${stats.solvedBySupervision[level]} ${names.supervisionLevel[level]}`);
    return [
      `${day(stats.from)} to ${day(stats.to)}${stats.unit ? `, ${stats.unit}` : ''}: ${stats.casesSolved} drug cases solved`,
      `${stats.suspectsArrested} suspects caught`,
      `${kilograms(stats.drugsMilligrams)} kg of drugs seized`,
      ...(targets.length ? [`${targets.join(', ')} solved`] : []),
      `${stats.gangsBroken} gangs broken`,
      `${stats.factoriesDestroyed} factories destroyed`,
      `${stats.drugUsersFound} drug users found (${stats.newDrugUsers} new)`,
      `drug money ${formatMoney(stats.drugMoneyFen, 'en')}.`,
    ].join(', ');
  }
  const targets = (['ministry', 'province', 'city'] as const)
    .filter((level) => stats.solvedBySupervision[level])
    .map((level) => `${names.supervisionLevel[level]} ${stats.solvedBySupervision[level]} 起`);
  return [
    `${day(stats.from)}至${day(stats.to)}，${stats.unit ?? ''}破获毒品刑事案件 ${stats.casesSolved} 起`,
    `抓获犯罪嫌疑人 ${stats.suspectsArrested} 名`,
    `缴获毒品 ${kilograms(stats.drugsMilligrams)} 千克`,
    ...(targets.length ? [`破获${targets.join('、')}`] : []),
    `打掉贩毒团伙 ${stats.gangsBroken} 个`,
    `捣毁制毒工厂 ${stats.factoriesDestroyed} 个`,
    `查获吸毒人员 ${stats.drugUsersFound} 名（新发现 ${stats.newDrugUsers} 名）`,
    `缴获毒资 ${formatMoney(stats.drugMoneyFen, 'zh-CN')}。`,
  ].join('，');
}
