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

/** Criminal cases (刑事案件) and administrative cases (行政案件: 治安管理处罚法, 禁毒法). */
export const caseProcedures = ['criminal', 'administrative'] as const;
type CaseProcedure = (typeof caseProcedures)[number];

/**
 * Offences narcotics units handle: those of PRC Criminal Law ch. 6 §7 (arts. 347–357), 非法经营
 * (art. 225, for nitrous oxide and other substitutes), and the administrative offences of the
 * 治安管理处罚法 art. 72–73 and the 禁毒法 (吸毒, 容留他人吸毒, 非法种植, 非法持有 below 数量较大).
 */
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
  'admin_drug_use',
  'admin_harbouring_use',
  'admin_cultivation',
  'admin_possession',
  'admin_other',
] as const;
export type OffenceType = (typeof offenceTypes)[number];

/** Offences of 刑法第六章第七节 (走私、贩卖、运输、制造毒品罪 …): what 破获毒品刑事案件 counts. */
export const drugCrimeOffences: readonly OffenceType[] = [
  'trafficking',
  'possession',
  'harbouring_use',
  'precursor_trade',
  'precursor_smuggling',
  'inducing_use',
  'shielding',
  'concealing_proceeds',
  'cultivation',
];

/** The procedure each offence belongs to. */
export function procedureOf(offence: OffenceType): CaseProcedure {
  return offence.startsWith('admin_') ? 'administrative' : 'criminal';
}

/** 公安部目标案件 > 厅目标案件 > 市督办案件 > 有影响案件 > 普通案件. */
export const supervisionLevels = ['ministry', 'province', 'city', 'notable', 'ordinary'] as const;
export type SupervisionLevel = (typeof supervisionLevels)[number];
