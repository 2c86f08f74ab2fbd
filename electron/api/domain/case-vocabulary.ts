/** Case status workflow: 立案 → 侦查 → 破案 → 移送起诉 → 结案, plus 撤案 and 并案. */
export const caseStatuses = [
  'filed',
  'investigating',
  'solved',
  'prosecuted',
  'closed',
  'withdrawn',
  'merged',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** Offences of PRC Criminal Law ch. 6 §7 that narcotics units handle, plus 非法经营 for nitrous oxide. */
export const offenceTypes = [
  'trafficking',
  'possession',
  'harbouring_use',
  'precursor_trade',
  'precursor_smuggling',
  'illegal_business',
  'inducing_use',
  'shielding',
  'concealing_proceeds',
  'cultivation',
  'other',
] as const;
export type OffenceType = (typeof offenceTypes)[number];

/** 公安部目标案件 > 厅目标案件 > 市督办案件 > 有影响案件 > 普通案件. */
export const supervisionLevels = ['ministry', 'province', 'city', 'notable', 'ordinary'] as const;
export type SupervisionLevel = (typeof supervisionLevels)[number];
