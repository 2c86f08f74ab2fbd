import { sql, type SQL } from 'drizzle-orm';
import { drugCrimeOffences, supervisionLevels } from '../../api/domain/case-vocabulary';
import { figuresOf, isNarcotic, isPrecursor } from '../../api/domain/drug-catalog';
import { countedQuantity } from '../../api/domain/drug-counting';
import {
  decimalOf,
  type CountUnit,
  type NormalisedUnit,
  type QuantityUnit,
} from '../../api/domain/quantity';
import { notInHandStatuses } from '../../api/domain/person-vocabulary';
import { incompleteTexts } from '../../api/domain/stats-rules';
import type { UnitStats } from '../../api/schemas/stats-schemas';
import type { Executor } from '../db/database-types';
import {
  formatDate,
  formatMoney,
  kilograms,
  type DocumentLanguage,
} from '../../api/i18n/chinese-format';
import { enumText, fill } from '../../api/i18n/document-text';
import { nextDay, zonedDay, zonedDayStart } from '../../api/domain/time-zone';
import { workspaceTimeZone } from '../settings/settings-service';

interface UnitStatsQuery {
  from: string;
  to: string;
  unit?: string | undefined;
}

const drugCrimes = JSON.stringify(drugCrimeOffences);
const notInHand = JSON.stringify(notInHandStatuses);

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

interface SeizureFact {
  day: string;
  drugType: string;
  quantityNormalised: number;
  normalisedUnit: NormalisedUnit;
  quantityUnit: QuantityUnit;
  contentMicrograms: number | null;
  weightBasis: 'net' | 'gross' | null;
  cashFen: number | null;
  /** A drug crime's or a drug-use (administrative) case's: its cash is 毒资. */
  drugCase: 0 | 1;
}

/**
 * The figures of DOMAIN.md's "成绩单" for a period and unit, each by the rule written next to it
 * (electron/api/domain/stats-rules.ts): drug-crime cases by 破案 date, 笑气 and other substitutes
 * apart; suspects by their 到案 date, each once; 刑拘/逮捕/移送起诉 by the measure's date in the
 * history; drugs by the day seized, as courts count them, precursors apart; gangs and places by
 * the date marked broken or destroyed; drug users in 人次 by the date found. What cannot be
 * counted for want of a date or a content is counted and said.
 */
export function unitStatistics(
  db: Executor,
  query: UnitStatsQuery,
  language: DocumentLanguage = 'zh-CN',
): UnitStats {
  const { from, to } = query;
  const zone = workspaceTimeZone(db);
  const unit = query.unit?.trim() || null;
  const inUnit: SQL = unit ? sql`AND c.unit = ${unit}` : sql``;
  const count = (statement: SQL) => db.get<{ n: number }>(statement)?.n ?? 0;
  // A case received in a 协查 package is the sending unit's (its 主办单位's) achievement: its
  // status, suspects and seizures are theirs, and a package is anyone's to seal, so none of it is
  // counted here. The package import marks it in received_cases with the case: not an audit
  // record, which any account holder can append naming any case.
  const live = sql`c.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM received_cases r
    WHERE r.case_id = c.id)`;
  const period = (column: SQL) => sql`${column} BETWEEN ${from} AND ${to}`;
  const isDrugCrime = sql`c.offence_type IN (SELECT value FROM json_each(${drugCrimes}))`;

  const casesOpened = count(
    sql`SELECT count(*) AS n FROM cases c WHERE ${live} AND c.procedure = 'criminal' AND ${period(sql`c.opened_on`)} ${inUnit}`,
  );
  const administrativeCases = count(
    sql`SELECT count(*) AS n FROM cases c WHERE ${live} AND c.procedure = 'administrative'
      AND ${period(sql`coalesce(c.accepted_on, c.opened_on)`)} ${inUnit}`,
  );
  const solvedCriminal = sql`${live} AND c.procedure = 'criminal' AND c.status NOT IN ('withdrawn', 'merged')
    AND ${period(sql`c.solved_on`)} ${inUnit}`;
  const solved = db.all<{ day: string; level: (typeof supervisionLevels)[number] }>(
    sql`SELECT c.solved_on AS day, c.supervision_level AS level FROM cases c WHERE ${solvedCriminal} AND ${isDrugCrime}`,
  );
  const substituteCasesSolved = count(
    sql`SELECT count(*) AS n FROM cases c WHERE ${solvedCriminal} AND NOT ${isDrugCrime}`,
  );
  const solvedBySupervision = Object.fromEntries(
    supervisionLevels.map((level) => [level, 0]),
  ) as UnitStats['solvedBySupervision'];
  for (const row of solved) solvedBySupervision[row.level] += 1;

  // A person deleted (hidden from the case, its lists and search) counts in no figure: a figure
  // must be one a lead can check against the cases' lists.
  const livePerson = (alias: string) =>
    sql`EXISTS (SELECT 1 FROM entities pe WHERE pe.id = ${sql.raw(alias)}.entity_id AND pe.deleted_at IS NULL)`;

  // 抓获: each suspect once, on the first 到案 date within the period.
  const caught = db.all<{ day: string }>(
    sql`SELECT min(ce.caught_on) AS day FROM case_entities ce JOIN cases c ON c.id = ce.case_id
      WHERE ${live} AND ce.role_in_case = 'suspect' AND ${period(sql`ce.caught_on`)} ${inUnit}
      AND ${livePerson('ce')} GROUP BY ce.entity_id`,
  );
  const suspectsWithoutCaughtOn = count(
    sql`SELECT count(DISTINCT ce.entity_id) AS n FROM case_entities ce JOIN cases c ON c.id = ce.case_id
      WHERE ${live} AND ce.role_in_case = 'suspect' AND ce.caught_on IS NULL AND ${livePerson('ce')}
      AND ce.legal_status NOT IN (SELECT value FROM json_each(${notInHand}))
      AND (c.opened_on IS NULL OR c.opened_on <= ${to}) ${inUnit}
      AND NOT EXISTS (SELECT 1 FROM case_entities e2 WHERE e2.entity_id = ce.entity_id AND e2.caught_on IS NOT NULL)`,
  );

  const measureKinds = {
    detained: 'detained',
    arrested: 'arrested',
    prosecuted: 'prosecuted',
    compulsoryIsolation: 'compulsory_isolation',
  } as const;
  const measures = { detained: 0, arrested: 0, prosecuted: 0, compulsoryIsolation: 0 };
  const byMeasure = new Map(
    db
      .all<{ measure: string; n: number }>(
        sql`SELECT m.measure AS measure, count(DISTINCT m.entity_id) AS n FROM case_measures m JOIN cases c ON c.id = m.case_id
          WHERE ${live} AND ${period(sql`m.taken_on`)} ${inUnit} AND ${livePerson('m')} GROUP BY m.measure`,
      )
      .map((row) => [row.measure, row.n]),
  );
  for (const [key, measure] of Object.entries(measureKinds))
    measures[key as keyof typeof measures] = byMeasure.get(measure) ?? 0;
  const measuresWithoutDate = count(
    sql`SELECT count(*) AS n FROM case_measures m JOIN cases c ON c.id = m.case_id
      WHERE ${live} AND m.taken_on IS NULL AND ${livePerson('m')} AND m.measure IN ('detained', 'arrested', 'prosecuted', 'compulsory_isolation')
      AND (c.opened_on IS NULL OR c.opened_on <= ${to}) ${inUnit}`,
  );

  // Seizures: read once, counted as courts count them.
  // A seizure counts on its calendar day in the workspace's zone (stored as UTC instants).
  const seizedFrom = zonedDayStart(from, zone);
  const seizedBefore = zonedDayStart(nextDay(to), zone);
  const seizures = db
    .all<Omit<SeizureFact, 'day'> & { seizedAt: string }>(
      sql`SELECT s.seized_at AS seizedAt, s.drug_type AS drugType, s.quantity_normalised AS quantityNormalised,
      s.normalised_unit AS normalisedUnit, s.quantity_unit AS quantityUnit,
      s.content_micrograms AS contentMicrograms, s.weight_basis AS weightBasis, s.cash_fen AS cashFen,
      (c.procedure = 'administrative' OR ${isDrugCrime}) AS drugCase
      FROM seizures s JOIN cases c ON c.id = s.case_id
      WHERE ${live} AND s.deleted_at IS NULL AND s.seized_at >= ${seizedFrom} AND s.seized_at < ${seizedBefore} ${inUnit}`,
    )
    .map(({ seizedAt, ...fact }): SeizureFact => ({ ...fact, day: zonedDay(seizedAt, zone) }));
  const forms = new Map<string, UnitStats['drugs'][number]>();
  let drugsMilligrams = 0;
  let precursorsMilligrams = 0;
  let drugMoneyFen = 0;
  let seizuresWithoutContent = 0;
  let seizuresGrossWeight = 0;
  // Courts count net weight: a weight recorded only gross (毛重, packaging included) is said, not added.
  const grossOnly = (seizure: SeizureFact) =>
    seizure.weightBasis === 'gross' && seizure.normalisedUnit === 'mg';
  const drugMilligramsOf = (seizure: SeizureFact): number => {
    if (!isNarcotic(seizure.drugType) || figuresOf(seizure.drugType)?.unit === 'plant') return 0;
    if (grossOnly(seizure)) return 0;
    return countedQuantity(seizure) ?? 0;
  };
  for (const seizure of seizures) {
    // A 笑气 case's money is 违法所得 of an illegal business, no 毒资 (the case is said apart).
    if (seizure.drugCase) drugMoneyFen += seizure.cashFen ?? 0;
    const countUnit =
      seizure.normalisedUnit === 'count' ? (seizure.quantityUnit as CountUnit) : null;
    const key = `${seizure.drugType}|${seizure.normalisedUnit}|${countUnit ?? ''}`;
    const form = forms.get(key);
    if (form) {
      form.total += seizure.quantityNormalised;
      form.seizures += 1;
    } else
      forms.set(key, {
        drugType: seizure.drugType,
        unit: seizure.normalisedUnit,
        countUnit,
        total: seizure.quantityNormalised,
        seizures: 1,
      });
    if (isNarcotic(seizure.drugType)) {
      if (countedQuantity(seizure) === null) seizuresWithoutContent += 1;
      else if (grossOnly(seizure) && figuresOf(seizure.drugType)?.unit !== 'plant')
        seizuresGrossWeight += 1;
      drugsMilligrams += drugMilligramsOf(seizure);
    } else if (isPrecursor(seizure.drugType) && seizure.normalisedUnit === 'mg')
      precursorsMilligrams += seizure.quantityNormalised;
  }
  // 笑气 and precursors are no 毒品: a table of drugs that listed them (2 t of 笑气 above 0.7 kg
  // of 冰毒) added up to tonnes of "drugs". They are listed apart.
  const byTotal = (a: UnitStats['drugs'][number], b: UnitStats['drugs'][number]) =>
    b.total - a.total || a.drugType.localeCompare(b.drugType);
  const drugs = [...forms.values()].filter((form) => isNarcotic(form.drugType)).sort(byTotal);
  const otherSeized = [...forms.values()]
    .filter((form) => !isNarcotic(form.drugType))
    .sort(byTotal);

  // A gang or place counts through a live case of this workspace's (of the unit, when one is
  // asked for): one in no case, or only in a received case, is no outcome of this unit's work.
  const organisationsOfUnit = (alias: string) =>
    sql`AND EXISTS (SELECT 1 FROM case_entities ce JOIN cases c ON c.id = ce.case_id
      WHERE ce.entity_id = ${sql.raw(alias)}.entity_id AND ${live} ${inUnit})`;
  const gangsBroken = count(
    sql`SELECT count(*) AS n FROM organisations o JOIN entities e ON e.id = o.entity_id
      WHERE e.deleted_at IS NULL AND e.merged_into_id IS NULL AND o.org_type = 'gang'
      AND ${period(sql`o.broken_on`)} ${organisationsOfUnit('o')}`,
  );
  const placesDestroyed = (type: string) =>
    count(
      sql`SELECT count(*) AS n FROM locations l JOIN entities e ON e.id = l.entity_id
        WHERE e.deleted_at IS NULL AND e.merged_into_id IS NULL AND l.location_type = ${type}
        AND ${period(sql`l.destroyed_on`)} ${organisationsOfUnit('l')}`,
    );
  const factoriesDestroyed = placesDestroyed('factory');
  const densDestroyed = placesDestroyed('stash_house');

  // 查获吸毒人员: 人次 by the date found; new = never recorded as a drug user before.
  const usersWhere = sql`${live} AND ce.role_in_case = 'drug_user' AND ${period(sql`ce.caught_on`)} ${inUnit}
    AND ${livePerson('ce')}`;
  // One find is one 人次 however many cases record it (the 容留 case and the user's own 吸毒
  // case both name the same raid): a person found on one day counts once for that day.
  const drugUsersFound = count(
    sql`SELECT count(*) AS n FROM (SELECT DISTINCT ce.entity_id, ce.caught_on
      FROM case_entities ce JOIN cases c ON c.id = ce.case_id WHERE ${usersWhere})`,
  );
  const newDrugUsers = count(
    sql`SELECT count(DISTINCT ce.entity_id) AS n FROM case_entities ce JOIN cases c ON c.id = ce.case_id WHERE ${usersWhere}
      AND NOT EXISTS (SELECT 1 FROM case_entities e2 JOIN cases c2 ON c2.id = e2.case_id
        WHERE e2.entity_id = ce.entity_id AND e2.role_in_case = 'drug_user' AND c2.deleted_at IS NULL
        AND coalesce(e2.caught_on, c2.opened_on, substr(e2.created_at, 1, 10)) < ${from})`,
  );
  const drugUsersWithoutDate = count(
    sql`SELECT count(*) AS n FROM case_entities ce JOIN cases c ON c.id = ce.case_id
      WHERE ${live} AND ce.role_in_case = 'drug_user' AND ce.caught_on IS NULL AND ${livePerson('ce')}
      AND (c.opened_on IS NULL OR c.opened_on <= ${to}) ${inUnit}`,
  );

  const months = monthsOf(from, to).map((month) => ({
    month,
    casesSolved: solved.filter((row) => row.day.startsWith(month)).length,
    suspectsArrested: caught.filter((row) => row.day.startsWith(month)).length,
    drugsMilligrams: seizures
      .filter((seizure) => seizure.day.startsWith(month))
      .reduce((sum, seizure) => sum + drugMilligramsOf(seizure), 0),
  }));
  const units = db
    .all<{ unit: string }>(
      sql`SELECT DISTINCT unit FROM cases WHERE deleted_at IS NULL AND unit IS NOT NULL AND unit != '' ORDER BY unit`,
    )
    .map((row) => row.unit);
  const incomplete = (
    [
      ['suspectsWithoutCaughtOn', suspectsWithoutCaughtOn],
      ['measuresWithoutDate', measuresWithoutDate],
      ['drugUsersWithoutDate', drugUsersWithoutDate],
      ['seizuresWithoutContent', seizuresWithoutContent],
      ['seizuresGrossWeight', seizuresGrossWeight],
    ] as const
  )
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => ({ kind, count: n }));

  const stats = {
    from,
    to,
    unit,
    casesOpened,
    administrativeCases,
    casesSolved: solved.length,
    substituteCasesSolved,
    suspectsArrested: caught.length,
    measures,
    drugsMilligrams,
    precursorsMilligrams,
    drugs,
    otherSeized,
    gangsBroken,
    factoriesDestroyed,
    densDestroyed,
    solvedBySupervision,
    drugUsersFound,
    newDrugUsers,
    drugMoneyFen,
    incomplete,
    months,
    units,
    paragraph: '',
  };
  return { ...stats, paragraph: statsParagraph(stats, language) };
}

/** Tonnes from a tonne up ("2.97 吨"), else kilograms: precursors are reported in tonnes. */
function precursorAmount(milligrams: number, language: DocumentLanguage): string {
  const zh = language === 'zh-CN';
  if (milligrams >= 1_000_000_000) return `${decimalOf(milligrams, 9)} ${zh ? '吨' : 't'}`;
  return `${kilograms(milligrams)} ${zh ? '千克' : 'kg'}`;
}

/**
 * "2026年1月1日至2026年12月31日，破获毒品刑事案件 26 起，抓获犯罪嫌疑人 59 名（刑事拘留 …），
 * 缴获毒品 25.619 千克 …", then what could not be counted.
 */
function statsParagraph(stats: Omit<UnitStats, 'paragraph'>, language: DocumentLanguage): string {
  const names = enumText(language);
  // The period's ends are calendar days already: no zone applies.
  const day = (iso: string) => formatDate(iso, language, 'UTC');
  const gaps = stats.incomplete.map((item) =>
    fill(incompleteTexts[language][item.kind], { count: item.count }),
  );
  const m = stats.measures;
  if (language === 'en') {
    const targets = (['ministry', 'province', 'city'] as const)
      .filter((level) => stats.solvedBySupervision[level])
      .map((level) => `${stats.solvedBySupervision[level]} ${names.supervisionLevel[level]}`);
    return (
      [
        `${day(stats.from)} to ${day(stats.to)}${stats.unit ? `, ${stats.unit}` : ''}: ${stats.casesSolved} drug cases solved`,
        ...(stats.substituteCasesSolved
          ? [`${stats.substituteCasesSolved} more cases on nitrous oxide or other substitutes`]
          : []),
        `${stats.suspectsArrested} suspects caught (${m.detained} detained, ${m.arrested} arrested, ${m.prosecuted} sent for prosecution)`,
        `${kilograms(stats.drugsMilligrams)} kg of drugs seized`,
        ...(stats.precursorsMilligrams
          ? [`${precursorAmount(stats.precursorsMilligrams, 'en')} of precursor chemicals`]
          : []),
        ...(targets.length ? [`${targets.join(', ')} solved`] : []),
        `${stats.gangsBroken} gangs broken`,
        `${stats.factoriesDestroyed} factories destroyed`,
        ...(stats.densDestroyed ? [`${stats.densDestroyed} stash houses destroyed`] : []),
        `${stats.drugUsersFound} drug-user finds (${stats.newDrugUsers} new)`,
        ...(m.compulsoryIsolation
          ? [`${m.compulsoryIsolation} sent to compulsory rehabilitation`]
          : []),
        `drug money ${formatMoney(stats.drugMoneyFen, 'en')}.`,
      ].join(', ') + (gaps.length ? ` Incomplete data: ${gaps.join('; ')}.` : '')
    );
  }
  const targets = (['ministry', 'province', 'city'] as const)
    .filter((level) => stats.solvedBySupervision[level])
    .map((level) => `${names.supervisionLevel[level]} ${stats.solvedBySupervision[level]} 起`);
  return (
    [
      `${day(stats.from)}至${day(stats.to)}，${stats.unit ?? ''}破获毒品刑事案件 ${stats.casesSolved} 起${
        stats.substituteCasesSolved
          ? `（另破获涉笑气等替代物案件 ${stats.substituteCasesSolved} 起）`
          : ''
      }`,
      `抓获犯罪嫌疑人 ${stats.suspectsArrested} 名（刑事拘留 ${m.detained} 名、逮捕 ${m.arrested} 名、移送起诉 ${m.prosecuted} 名）`,
      `缴获毒品 ${kilograms(stats.drugsMilligrams)} 千克`,
      ...(stats.precursorsMilligrams
        ? [`缴获易制毒化学品 ${precursorAmount(stats.precursorsMilligrams, 'zh-CN')}`]
        : []),
      ...(targets.length ? [`破获${targets.join('、')}`] : []),
      `打掉贩毒团伙 ${stats.gangsBroken} 个`,
      `捣毁制毒工厂 ${stats.factoriesDestroyed} 个${stats.densDestroyed ? `、窝点 ${stats.densDestroyed} 个` : ''}`,
      `查获吸毒人员 ${stats.drugUsersFound} 人次（新发现 ${stats.newDrugUsers} 名）${
        m.compulsoryIsolation ? `，强制隔离戒毒 ${m.compulsoryIsolation} 名` : ''
      }`,
      `缴获毒资 ${formatMoney(stats.drugMoneyFen, 'zh-CN')}。`,
    ].join('，') + (gaps.length ? `数据不完整：${gaps.join('；')}。` : '')
  );
}
