import { supervisionLevels } from '../../api/domain/case-vocabulary';
import type { UnitStats } from '../../api/schemas/stats-schemas';
import {
  formatDate,
  formatMoney,
  formatQuantity,
  kilograms,
  type DocumentLanguage,
} from '../../api/i18n/chinese-format';
import { drugName } from '../reports/briefing-model';
import { documentText, enumText, fill } from '../../api/i18n/document-text';
import type { Classification } from '../../api/schemas/briefing-schemas';
import { incompleteTexts, statsRules } from '../../api/domain/stats-rules';

/** Unit statistics as labelled rows: the same words and figures in the XLSX, the page and the PDF. */
export interface StatsRows {
  language: DocumentLanguage;
  /** Marking printed at the top right (内部, 秘密 …); empty for none. */
  classification: string;
  title: string;
  subtitle: string;
  /** 单位, 制表人, 制表日期 as "label：value" lines. */
  masthead: string[];
  paragraph: string;
  /** Label, figure and the rule it is counted by. */
  figures: [string, string | number, string][];
  /** What could not be counted. */
  incomplete: string[];
  drugHead: string[];
  drugs: [string, string, string, number][];
  /** Precursors, 笑气 and other substitutes: seized, not drugs; their own table. */
  otherTitle: string;
  otherHead: string[];
  others: [string, string, string, number][];
  monthHead: string[];
  months: [string, number, number, string][];
}

/** Who made the sheet, for whom and when: the header of an exported sheet. */
interface StatsHeader {
  /** The workspace's unit (单位名称 in settings). */
  unitName: string;
  /** 制表人: the signed-in user who exported it. */
  preparedBy: string;
  /** ISO instant of the export. */
  now: string;
  /** The workspace's IANA zone, for the date. */
  zone: string;
  classification: Classification;
}

export function statsRows(
  stats: UnitStats,
  language: DocumentLanguage,
  header: StatsHeader,
): StatsRows {
  const names = enumText(language);
  const text = documentText(language);
  const zh = language === 'zh-CN';
  const rules = statsRules[language];
  const seizedRow = (form: UnitStats['drugs'][number]): [string, string, string, number] => [
    drugName(form.drugType, language),
    formatQuantity(form.total, form.unit, language, form.countUnit),
    form.unit === 'mg' ? kilograms(form.total) : '',
    form.seizures,
  ];
  // The period's ends are calendar days: no zone applies to them.
  const period = `${formatDate(stats.from, language, 'UTC')} – ${formatDate(stats.to, language, 'UTC')}`;
  return {
    language,
    classification: text.classification[header.classification],
    title: zh ? '禁毒工作统计' : 'Narcotics work statistics',
    subtitle: `${stats.unit ?? (zh ? '全部单位' : 'All units')} · ${period}`,
    masthead: [
      [text.unit, header.unitName],
      [zh ? '制表人' : 'Prepared by', header.preparedBy],
      [zh ? '制表日期' : 'Date', formatDate(header.now, language, header.zone)],
    ].map(([label, value]) => `${label}${text.colon}${value}`),
    paragraph: stats.paragraph,
    figures: (
      [
        [zh ? '破获毒品刑事案件（起）' : 'Drug cases solved', stats.casesSolved, 'casesSolved'],
        [
          zh ? '另破获涉笑气等替代物案件（起）' : 'Substitute cases solved',
          stats.substituteCasesSolved,
          'substituteCasesSolved',
        ],
        [
          zh ? '抓获犯罪嫌疑人（名）' : 'Suspects caught',
          stats.suspectsArrested,
          'suspectsArrested',
        ],
        [zh ? '刑事拘留（名）' : 'Detained', stats.measures.detained, 'detained'],
        [zh ? '逮捕（名）' : 'Arrested', stats.measures.arrested, 'arrested'],
        [zh ? '移送起诉（名）' : 'Sent for prosecution', stats.measures.prosecuted, 'prosecuted'],
        [zh ? '缴获毒品（千克）' : 'Drugs seized (kg)', kilograms(stats.drugsMilligrams), 'drugs'],
        [
          zh ? '缴获易制毒化学品（千克）' : 'Precursors seized (kg)',
          kilograms(stats.precursorsMilligrams),
          'precursors',
        ],
        ...supervisionLevels
          .filter((level) => level !== 'ordinary')
          .map(
            (level) =>
              [
                `${names.supervisionLevel[level]}${zh ? '（起）' : ''}`,
                stats.solvedBySupervision[level],
                'targetCases',
              ] as const,
          ),
        [zh ? '打掉贩毒团伙（个）' : 'Gangs broken', stats.gangsBroken, 'gangsBroken'],
        [
          zh ? '捣毁制毒工厂（个）' : 'Factories destroyed',
          stats.factoriesDestroyed,
          'factoriesDestroyed',
        ],
        [zh ? '捣毁窝点（个）' : 'Stash houses destroyed', stats.densDestroyed, 'densDestroyed'],
        [zh ? '查获吸毒人员（人次）' : 'Drug-user finds', stats.drugUsersFound, 'drugUsersFound'],
        [zh ? '其中新发现（名）' : 'of whom new', stats.newDrugUsers, 'newDrugUsers'],
        [
          zh ? '强制隔离戒毒（名）' : 'Compulsory rehabilitation',
          stats.measures.compulsoryIsolation,
          'compulsoryIsolation',
        ],
        [zh ? '缴获毒资' : 'Drug money', formatMoney(stats.drugMoneyFen, language), 'drugMoney'],
        [zh ? '刑事立案（起）' : 'Criminal cases opened', stats.casesOpened, 'casesOpened'],
        [
          zh ? '行政案件（起）' : 'Administrative cases',
          stats.administrativeCases,
          'administrativeCases',
        ],
      ] as const
    ).map(
      ([label, value, rule]) => [label, value, rules[rule]] as [string, string | number, string],
    ),
    incomplete: stats.incomplete.map((item) =>
      fill(incompleteTexts[language][item.kind], { count: item.count }),
    ),
    drugHead: zh ? ['毒品种类', '合计', '千克', '次数'] : ['Drug', 'Total', 'kg', 'Seizures'],
    drugs: stats.drugs.map(seizedRow),
    otherTitle: zh
      ? '易制毒化学品、笑气等（非毒品，不计入缴获毒品）'
      : 'Precursors, nitrous oxide and others (not drugs, not in drugs seized)',
    otherHead: zh ? ['物品', '合计', '千克', '次数'] : ['Substance', 'Total', 'kg', 'Seizures'],
    others: stats.otherSeized.map(seizedRow),
    monthHead: zh
      ? ['月份', '破案', '抓获', '缴获毒品（千克）']
      : ['Month', 'Solved', 'Caught', 'Drugs (kg)'],
    months: stats.months.map((month) => [
      month.month,
      month.casesSolved,
      month.suspectsArrested,
      kilograms(month.drugsMilligrams),
    ]),
  };
}
