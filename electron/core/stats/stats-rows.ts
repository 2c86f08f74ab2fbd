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
import { enumText } from '../../api/i18n/document-text';

/** Unit statistics as labelled rows: the same words and figures in the XLSX, the page and the PDF. */
export interface StatsRows {
  language: DocumentLanguage;
  title: string;
  subtitle: string;
  paragraph: string;
  figures: [string, string | number][];
  drugHead: string[];
  drugs: [string, string, string, number][];
  monthHead: string[];
  months: [string, number, number, string][];
}

export function statsRows(stats: UnitStats, language: DocumentLanguage = 'zh-CN'): StatsRows {
  const names = enumText(language);
  const zh = language === 'zh-CN';
  const period = `${formatDate(stats.from, language)} – ${formatDate(stats.to, language)}`;
  return {
    language,
    title: zh ? '禁毒工作统计' : 'Narcotics work statistics',
    subtitle: `${stats.unit ?? (zh ? '全部单位' : 'All units')} · ${period}`,
    paragraph: stats.paragraph,
    figures: [
      [zh ? '立案（起）' : 'Cases opened', stats.casesOpened],
      [zh ? '破获毒品刑事案件（起）' : 'Cases solved', stats.casesSolved],
      [zh ? '抓获犯罪嫌疑人（名）' : 'Suspects caught', stats.suspectsArrested],
      [zh ? '缴获毒品（千克）' : 'Drugs seized (kg)', kilograms(stats.drugsMilligrams)],
      ...supervisionLevels
        .filter((level) => level !== 'ordinary')
        .map(
          (level) =>
            [
              `${names.supervisionLevel[level]}${zh ? '（起）' : ''}`,
              stats.solvedBySupervision[level],
            ] as [string, number],
        ),
      [zh ? '打掉贩毒团伙（个）' : 'Gangs broken', stats.gangsBroken],
      [zh ? '捣毁制毒工厂（个）' : 'Factories destroyed', stats.factoriesDestroyed],
      [zh ? '查获吸毒人员（名）' : 'Drug users found', stats.drugUsersFound],
      [zh ? '其中新发现（名）' : 'of whom new', stats.newDrugUsers],
      [zh ? '缴获毒资' : 'Drug money', formatMoney(stats.drugMoneyFen, language)],
    ],
    drugHead: zh ? ['毒品种类', '合计', '千克', '次数'] : ['Drug', 'Total', 'kg', 'Seizures'],
    drugs: stats.drugs.map((drug) => [
      drugName(drug.drugType, language),
      formatQuantity(drug.total, drug.unit, language),
      drug.unit === 'mg' ? kilograms(drug.total) : '',
      drug.seizures,
    ]),
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
