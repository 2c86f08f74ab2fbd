import { catalogueEntry, isNarcotic, isPrecursor } from '../../api/domain/drug-catalog';
import type { CountUnit } from '../../api/domain/quantity';
import { maskResidentId } from '../../api/domain/resident-id';
import { chainTiers, legalStatuses, notInHandStatuses } from '../../api/domain/person-vocabulary';
import { tierLevel } from '../../api/domain/chain-tiers';
import type { LegalStatus } from '../../api/domain/person-vocabulary';
import type { Classification } from '../../api/schemas/briefing-schemas';
import { sql } from 'drizzle-orm';
import { AppError } from '../app-error';
import { getCaseDetail } from '../cases/case-queries';
import type { Executor } from '../db/database-types';
import { caseTimeline } from '../events/event-service';
import { chainAnalysis } from '../graph/chain-analysis';
import { forceLayout } from '../graph/force-layout';
import { caseGraph } from '../graph/graph-data';
import { getGraphView } from '../graph/graph-views';
import { listSeizures } from '../seizures/seizure-queries';
import { readSettings } from '../settings/settings-service';
import { listBriefingItems } from './briefing-items';
import { gangChartSvg, supplyChainSvg } from './chart-svg';
import {
  briefingEvidenceLimits,
  evidenceAppendix,
  readEvidence,
  type EvidenceAppendix,
} from './evidence-appendix';
import {
  formatDate,
  formatMoney,
  formatQuantity,
  type DocumentLanguage,
} from '../../api/i18n/chinese-format';
import { zonedDay } from '../../api/domain/time-zone';
import { documentText, enumText, fill, type DocumentText } from '../../api/i18n/document-text';

export interface BriefingOptions {
  caseId: string;
  classification: Classification;
  unmaskIds: boolean;
  viewId?: string | null | undefined;
  language: DocumentLanguage;
  /** 制作人: the signed-in user who generates the document. */
  author: string;
  /** ISO time the document is generated at. */
  now: string;
}

/** Everything a briefing shows, already in words: one model for HTML, PDF and DOCX. */
export interface BriefingModel {
  text: DocumentText;
  language: DocumentLanguage;
  classification: string;
  unitName: string;
  /** 承办人: the case's lead investigator (主办侦查员) as recorded on the case. */
  investigator: string;
  /** 制作人: who generated the document. */
  author: string;
  /** The day generated, in the workspace's zone. */
  date: string;
  /** The same day as YYYY-MM-DD, for file names. */
  day: string;
  /** The header lines under the title: 单位, 案件编号, 日期, 承办人, 制作人. */
  masthead: string[];
  caseNo: string;
  facts: { label: string; value: string }[];
  caseSummary: string;
  summaryParagraph: string;
  figures: { label: string; value: string }[];
  /** Suspects by legal status (强制措施), in the order of the status list. */
  legalStatuses: { status: string; count: number }[];
  drugTotals: { drug: string; total: string; count: number; tier: string }[];
  gangChart: { svg: string; note: string };
  supplyChain: { svg: string };
  timeline: { date: string; kind: string; title: string; place: string }[];
  suspects: {
    name: string;
    gender: string;
    birthDate: string;
    idNumber: string;
    household: string;
    role: string;
    legalStatus: string;
    legalStatusOn: string;
    tier: string;
  }[];
  seizures: {
    evidenceNo: string;
    seizedAt: string;
    drug: string;
    quantity: string;
    purity: string;
    place: string;
    from: string;
  }[];
  leads: { name: string; gap: string; tier: string; suppliesTo: number; legalStatus: string }[];
  /** 关系 → 原始记录 → 文件第 N 行, for the relations on the chart with imported records. */
  evidence: EvidenceAppendix;
  /** Analysis results the investigators chose for the briefing (研判结果), in their order. */
  analyses: BriefingAnalysis[];
}

export type BriefingAnalysis =
  | { title: string; kind: 'table'; columns: string[]; rows: string[][] }
  | { title: string; kind: 'figure'; png: string; width: number; height: number };

/** Suspects the police hold or have held: every measure except none and 在逃. */
const notCaught = new Set<LegalStatus>(notInHandStatuses);

function figuresUnit(code: string): string | undefined {
  return catalogueEntry(code)?.figures?.unit;
}

function substanceOfTotal(
  detail: { drugTotals: { drugType: string; substance: string }[] },
  code: string,
) {
  return detail.drugTotals.find((total) => total.drugType === code)?.substance ?? code;
}

export function drugName(code: string, language: DocumentLanguage): string {
  const drug = catalogueEntry(code);
  if (!drug) return code;
  return language === 'zh-CN' ? drug.zh : drug.en;
}

/** Builds the briefing of a case from the database, in one read. */
export function buildBriefingModel(db: Executor, options: BriefingOptions): BriefingModel {
  const detail = getCaseDetail(db, options.caseId);
  if (!detail) throw new AppError('cases.notFound', 'Case not found');
  const { language } = options;
  const text = documentText(language);
  const names = enumText(language);
  const settings = readSettings(db);
  const zone = settings.timeZone;
  const date = (iso: string | null) => formatDate(iso, language, zone);

  const suspects = detail.persons.filter((person) => person.roleInCase === 'suspect');
  // 抓获 by the 到案 date, as the 成绩单 counts it; in hand without a date is said, not counted.
  const caught = suspects.filter((person) => person.caughtOn);
  const caughtUndated = suspects.filter(
    (person) => !person.caughtOn && !notCaught.has(person.legalStatus),
  );
  const atLarge = suspects.filter((person) => person.legalStatus === 'at_large');
  const drugUsers = detail.persons.filter((person) => person.roleInCase === 'drug_user');
  const chart = caseGraph(db, options.caseId);
  // Gangs and factories count once marked broken / destroyed, as in the 成绩单.
  const { gangs, factories } = db.get<{ gangs: number; factories: number }>(sql`
    SELECT
      (SELECT count(*) FROM case_entities ce JOIN organisations o ON o.entity_id = ce.entity_id
        WHERE ce.case_id = ${options.caseId} AND o.org_type = 'gang' AND o.broken_on IS NOT NULL) AS gangs,
      (SELECT count(*) FROM case_entities ce JOIN locations l ON l.entity_id = ce.entity_id
        WHERE ce.case_id = ${options.caseId} AND l.location_type = 'factory' AND l.destroyed_on IS NOT NULL) AS factories`)!;
  // The chart read once serves the chain analysis, the counts and both diagrams.
  const chain = chainAnalysis(db, options.caseId, chart);
  // The gang chart shows people and organisations and the relations among them; phones,
  // accounts and places are in the tables and would crowd a printed page. A witness or a victim
  // is no member: drawn beside the gang, a witness read as one of it.
  const gangIds = new Set(
    chart.nodes
      .filter(
        (node) =>
          node.inCase &&
          node.roleInCase !== 'witness' &&
          node.roleInCase !== 'victim' &&
          (node.kind === 'person' || node.kind === 'organisation'),
      )
      .map((node) => node.id),
  );
  const gang = {
    nodes: chart.nodes.filter((node) => gangIds.has(node.id)),
    edges: chart.edges.filter((edge) => gangIds.has(edge.from) && gangIds.has(edge.to)),
    truncated: false,
  };
  const tierOf = new Map(chain.members.map((member) => [member.entityId, member.tier]));

  const drugTotals = detail.drugTotals.map((total) => ({
    drug: drugName(total.drugType, language),
    total: formatQuantity(total.total, total.unit, language, total.countUnit),
    count: total.seizures,
    tier: names.statutoryTier[total.tier],
  }));
  const narcotics = detail.substanceTotals.filter((total) => isNarcotic(total.substance));
  const massTotal = narcotics
    .filter((total) => total.thresholds === null || figuresUnit(total.substance) !== 'plant')
    // Courts count net weight: a gross weight is named with its drug but left out of the total,
    // as the 成绩单 leaves it out (and a medicine without its content).
    .reduce((sum, total) => sum + total.counted - total.grossWeighed, 0);

  // The 成绩单 sentence: what was done, in figures, in the order a team lead reports them.
  const s = text.summary;
  const sentence: string[] = [];
  sentence.push(fill(s.opened, { date: date(detail.openedOn ?? detail.createdAt) }));
  sentence.push(fill(s.status, { status: names.caseStatus[detail.status] }));
  sentence.push(caught.length ? fill(s.suspects, { count: caught.length }) : s.suspectsNone);
  if (caughtUndated.length) sentence.push(fill(s.suspectsUndated, { count: caughtUndated.length }));
  if (atLarge.length) sentence.push(fill(s.atLarge, { count: atLarge.length }));
  // Drugs (毒品 only) by substance, each form named; precursors and substitutes on their own.
  const formsOf = (codes: (code: string) => boolean) =>
    detail.drugTotals
      .filter((total) => codes(total.drugType))
      .map((total) =>
        fill(s.drugPart, {
          drug: drugName(total.drugType, language),
          quantity: formatQuantity(total.total, total.unit, language, total.countUnit),
        }).replace('） ', '）'),
      )
      .join(s.listSeparator);
  if (narcotics.length) {
    const parts = narcotics
      .map((total) => {
        const forms = formsOf((code) => substanceOfTotal(detail, code) === total.substance);
        const combined =
          total.forms.length > 1
            ? fill(s.combinedPart, {
                substance: drugName(total.substance, language).replace(/[（(].*[）)]$/, ''),
                quantity: formatQuantity(total.counted, 'mg', language),
              })
            : '';
        const tier =
          total.tier === 'large' || total.tier === 'relativelyLarge'
            ? fill(s.tierPart, { tier: names.statutoryTier[total.tier] })
            : total.tier === 'contentRequired'
              ? s.contentPending
              : total.tier === 'netWeightRequired'
                ? s.netWeightPending
                : '';
        return `${forms}${combined}${tier}`;
      })
      .join(s.partSeparator);
    sentence.push(
      massTotal > 0
        ? fill(s.drugs, { total: formatQuantity(massTotal, 'mg', language), parts })
        : fill(s.drugsOnly, { parts }),
    );
  } else sentence.push(s.drugsNone);
  const precursors = formsOf(isPrecursor);
  if (precursors) sentence.push(fill(s.precursors, { parts: precursors }));
  const others = formsOf((code) => !isNarcotic(code) && !isPrecursor(code));
  if (others) sentence.push(fill(s.otherSeized, { parts: others }));
  if (detail.cashTotalFen > 0)
    sentence.push(fill(s.cash, { amount: formatMoney(detail.cashTotalFen, language) }));
  if (gangs) sentence.push(fill(s.gangs, { count: gangs }));
  if (factories) sentence.push(fill(s.factories, { count: factories }));
  if (drugUsers.length) sentence.push(fill(s.users, { count: drugUsers.length }));
  const gapName = (gap: (typeof chain.gaps)[number]) =>
    gap.legalStatus === 'at_large' || gap.legalStatus === 'wanted_online'
      ? `${gap.label}${fill(s.atLargeMark, { status: names.legalStatus[gap.legalStatus] })}`
      : gap.label;
  const sourceGaps = chain.gaps.filter((gap) => gap.kind === 'sourceUnknown');
  const upstreamGaps = chain.gaps.filter((gap) => gap.kind === 'upstreamUnknown');
  const list = (gaps: typeof chain.gaps) => gaps.map(gapName).join(s.listSeparator);
  sentence.push(
    sourceGaps.length && upstreamGaps.length
      ? fill(s.sourceAndLeads, {
          sources: list(sourceGaps),
          count: upstreamGaps.length,
          names: list(upstreamGaps),
        })
      : sourceGaps.length
        ? fill(s.sourceLeads, { names: list(sourceGaps) })
        : upstreamGaps.length
          ? fill(s.leads, { count: upstreamGaps.length, names: list(upstreamGaps) })
          : s.noLeads,
  );

  // The gang chart: a saved view's layout when one is chosen, else the automatic one.
  let positions: Record<string, { x: number; y: number }>;
  let note = text.graphGenerated;
  const view = options.viewId ? getGraphView(db, options.viewId) : null;
  if (view) {
    positions = view.state.positions;
    note = fill(text.graphFromView, { name: view.name });
  } else {
    positions = forceLayout(
      gang.nodes.map((node) => node.id),
      gang.edges.map((edge) => [edge.from, edge.to] as [string, string]),
      gang.nodes.length > 1_000 ? 60 : 300,
    );
  }
  const levelNames = new Map(chainTiers.map((tier) => [tierLevel[tier], names.chainTier[tier]]));

  const seizures = listSeizures(db, { caseId: options.caseId, page: 1, pageSize: 500 }).rows;
  return {
    text,
    language,
    classification: text.classification[options.classification],
    unitName: detail.unit ?? settings.unitName,
    investigator: detail.leadInvestigator ?? '',
    author: options.author,
    date: date(options.now),
    day: zonedDay(options.now, zone),
    masthead: [
      [text.unit, detail.unit ?? settings.unitName],
      [text.caseNo, detail.caseNo],
      [text.date, date(options.now)],
      [text.investigator, detail.leadInvestigator ?? ''],
      [text.author, options.author],
    ].map(([label, value]) => `${label}${text.colon}${value}`),
    caseNo: detail.caseNo,
    facts: [
      { label: text.fields.title, value: detail.title },
      { label: text.fields.offence, value: names.offenceType[detail.offenceType] },
      { label: text.fields.status, value: names.caseStatus[detail.status] },
      { label: text.fields.supervision, value: names.supervisionLevel[detail.supervisionLevel] },
      { label: text.fields.openedOn, value: date(detail.openedOn) },
      { label: text.fields.solvedOn, value: date(detail.solvedOn) },
      { label: text.fields.lead, value: detail.leadInvestigator ?? '' },
    ],
    caseSummary: detail.summary ?? '',
    summaryParagraph: `${sentence.join('')}`,
    figures: [
      { label: text.figureLabels.suspects, value: String(caught.length) },
      { label: text.figureLabels.atLarge, value: String(atLarge.length) },
      {
        label: text.figureLabels.drugs,
        value: massTotal > 0 ? formatQuantity(massTotal, 'mg', language) : '0',
      },
      { label: text.figureLabels.cash, value: formatMoney(detail.cashTotalFen, language) },
      { label: text.figureLabels.gangs, value: String(gangs) },
      { label: text.figureLabels.users, value: String(drugUsers.length) },
    ],
    legalStatuses: legalStatuses
      .map((status) => ({
        status: names.legalStatus[status],
        count: suspects.filter((person) => person.legalStatus === status).length,
      }))
      .filter((row) => row.count > 0),
    drugTotals,
    gangChart: { svg: gangChartSvg(gang, positions, language), note },
    supplyChain: {
      svg: supplyChainSvg(gang, chain, (level) => levelNames.get(level) ?? '', language),
    },
    timeline: caseTimeline(db, { caseId: options.caseId }).map((event) => ({
      date: date(event.occurredAt),
      kind: names.eventKind[event.kind],
      title: event.title,
      place: event.place ?? '',
    })),
    suspects: detail.persons
      .filter((person) => person.roleInCase === 'suspect' || person.roleInCase === 'drug_user')
      .map((person) => {
        const tier = tierOf.get(person.entityId);
        return {
          name: person.name,
          gender: names.gender[person.gender],
          birthDate: date(person.birthDate),
          idNumber: person.idNumber
            ? options.unmaskIds
              ? person.idNumber
              : maskResidentId(person.idNumber)
            : '',
          household: person.household ?? '',
          role: names.caseRole[person.roleInCase],
          legalStatus: names.legalStatus[person.legalStatus],
          legalStatusOn: date(person.legalStatusOn),
          tier: tier ? names.chainTier[tier] : '',
        };
      }),
    seizures: [...seizures]
      .sort((a, b) => a.seizedAt.localeCompare(b.seizedAt))
      .map((seizure) => ({
        evidenceNo: seizure.evidenceNo ?? '',
        seizedAt: date(seizure.seizedAt),
        drug: drugName(seizure.drugType, language),
        quantity: formatQuantity(
          seizure.quantityNormalised,
          seizure.normalisedUnit,
          language,
          seizure.normalisedUnit === 'count' ? (seizure.quantityUnit as CountUnit) : null,
        ),
        purity:
          seizure.purityBasisPoints === null
            ? ''
            : `${(seizure.purityBasisPoints / 100).toFixed(2).replace(/\.?0+$/, '')}%`,
        place: seizure.place ?? '',
        from: seizure.fromName ?? '',
      })),
    analyses: listBriefingItems(db, options.caseId).map(({ title, content }) => ({
      title,
      ...content,
    })),
    leads: chain.gaps.map((gap) => ({
      name: gap.label,
      gap: s.gapKinds[gap.kind],
      tier: gap.tier ? names.chainTier[gap.tier] : '',
      suppliesTo: gap.suppliesTo,
      legalStatus: gap.legalStatus ? names.legalStatus[gap.legalStatus] : '',
    })),
    evidence: evidenceAppendix(
      readEvidence(
        db,
        chart.edges.map((edge) => edge.id),
        briefingEvidenceLimits,
      ),
      language,
    ),
  };
}
