/**
 * The counting rule of each figure of the 成绩单, written next to it on the page, in the XLSX
 * and the PDF, so the team lead who signs it knows what each number counts.
 */
export const statsFigureKeys = [
  'casesOpened',
  'administrativeCases',
  'casesSolved',
  'substituteCasesSolved',
  'suspectsArrested',
  'detained',
  'arrested',
  'prosecuted',
  'drugs',
  'precursors',
  'targetCases',
  'gangsBroken',
  'factoriesDestroyed',
  'densDestroyed',
  'drugUsersFound',
  'newDrugUsers',
  'compulsoryIsolation',
  'drugMoney',
] as const;
export type StatsFigureKey = (typeof statsFigureKeys)[number];

export const statsRules: Record<'zh-CN' | 'en', Record<StatsFigureKey, string>> = {
  'zh-CN': {
    casesOpened: '立案日期在期内的刑事案件',
    administrativeCases: '受案日期在期内的行政案件（吸毒等）',
    casesSolved:
      '案由属刑法第六章第七节、破案日期在期内的刑事案件；撤案、并案不计；协查包接收的外单位案件（及其人员、缴获）均不计',
    substituteCasesSolved:
      '案由不属第六章第七节（如涉笑气非法经营）、破案日期在期内的刑事案件，单列',
    suspectsArrested: '到案（抓获）日期在期内的犯罪嫌疑人，每人计一次；不按当前强制措施',
    detained: '措施记录中刑事拘留日期在期内的人数',
    arrested: '措施记录中逮捕日期在期内的人数',
    prosecuted: '措施记录中移送起诉日期在期内的人数',
    drugs:
      '缴获日期在期内的毒品，按净重（仅有毛重的不计）；标准规格药品按含量；不含易制毒化学品、笑气',
    precursors: '缴获日期在期内的易制毒化学品，与毒品分列',
    targetCases: '同“破获毒品刑事案件”，按督办级别',
    gangsBroken: '标记为打掉、打掉日期在期内的团伙',
    factoriesDestroyed: '标记为捣毁、捣毁日期在期内的制毒工厂',
    densDestroyed: '标记为捣毁、捣毁日期在期内的窝点',
    drugUsersFound:
      '查获日期在期内的吸毒人员（人次，含行政案件）；同一人同一日查获记入多起案件的，计一人次',
    newDrugUsers: '其中此前从未在本系统登记为吸毒人员的人数',
    compulsoryIsolation: '措施记录中强制隔离戒毒日期在期内的人数',
    drugMoney: '缴获日期在期内、毒品犯罪案件及涉毒行政案件中的毒资；涉笑气等替代物案件的资金不计',
  },
  en: {
    casesOpened: 'Criminal cases opened in the period',
    administrativeCases: 'Administrative cases (drug use …) accepted in the period',
    casesSolved:
      "Criminal cases of Criminal Law ch. 6 §7 solved in the period; withdrawn and merged cases excluded, and so are other units' cases received in a case package (with their persons and seizures)",
    substituteCasesSolved:
      'Other criminal cases (e.g. nitrous oxide as illegal business) solved in the period, apart',
    suspectsArrested:
      'Suspects whose date caught is in the period, each once; not by current measure',
    detained: 'Persons with a criminal detention dated in the period',
    arrested: 'Persons with an arrest dated in the period',
    prosecuted: 'Persons sent for prosecution in the period',
    drugs:
      'Drugs seized in the period, net weight (gross weights left out); licensed medicines by content; no precursors or nitrous oxide',
    precursors: 'Precursor chemicals seized in the period, apart from drugs',
    targetCases: 'As cases solved, by supervision level',
    gangsBroken: 'Gangs marked broken with a date in the period',
    factoriesDestroyed: 'Factories marked destroyed with a date in the period',
    densDestroyed: 'Stash houses marked destroyed with a date in the period',
    drugUsersFound:
      'Drug users found in the period (person-times, administrative cases included); one person found on one day counts once however many cases record it',
    newDrugUsers: 'Of whom never recorded as drug users in this workspace before',
    compulsoryIsolation: 'Persons sent to compulsory isolated rehabilitation in the period',
    drugMoney:
      'Drug money seized in the period in drug-crime and drug-use cases; money of nitrous oxide or other substitute cases left out',
  },
};

/** What the statistics could not count, said on the page instead of silently left out. */
export const incompleteKinds = [
  'suspectsWithoutCaughtOn',
  'measuresWithoutDate',
  'drugUsersWithoutDate',
  'seizuresWithoutContent',
  'seizuresGrossWeight',
] as const;
type IncompleteKind = (typeof incompleteKinds)[number];

export const incompleteTexts: Record<'zh-CN' | 'en', Record<IncompleteKind, string>> = {
  'zh-CN': {
    suspectsWithoutCaughtOn: '{{count}} 名嫌疑人缺少到案日期，未计入',
    measuresWithoutDate: '{{count}} 条强制措施缺少日期，未计入',
    drugUsersWithoutDate: '{{count}} 条吸毒人员记录缺少查获日期，未计入',
    seizuresWithoutContent: '{{count}} 条缴获需录入含量，未计入毒品数量',
    seizuresGrossWeight: '{{count}} 条缴获仅有毛重，未计入毒品数量',
  },
  en: {
    suspectsWithoutCaughtOn: '{{count}} suspects have no date caught and are not counted',
    measuresWithoutDate: '{{count}} measures have no date and are not counted',
    drugUsersWithoutDate: '{{count}} drug-user records have no date found and are not counted',
    seizuresWithoutContent: '{{count}} seizures need their content and are not in the drug total',
    seizuresGrossWeight:
      '{{count}} seizures have only a gross weight and are not in the drug total',
  },
};
