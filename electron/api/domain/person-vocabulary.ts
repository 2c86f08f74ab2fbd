export const genders = ['male', 'female', 'unknown'] as const;
export type Gender = (typeof genders)[number];

/** Role of an entity within one case (嫌疑人, 吸毒人员, 证人, 关系人 …). */
export const caseRoles = [
  'suspect',
  'drug_user',
  'witness',
  'associate',
  'victim',
  'involved',
] as const;
export type CaseRole = (typeof caseRoles)[number];

/**
 * Legal status / measure of a person in a case: criminal coercive measures (拘传, 取保候审,
 * 监视居住, 指定居所监视居住, 刑事拘留, 逮捕), 移送起诉, 判决, 上网追逃 (在逃), and the
 * administrative ones (行政拘留, 强制隔离戒毒, 社区戒毒, 社区康复). Every change is kept with its
 * date in the measure history; the status is the latest.
 */
export const legalStatuses = [
  'none',
  'at_large',
  'summoned',
  'detained',
  'arrested',
  'bail',
  'residential_surveillance',
  'prosecuted',
  'sentenced',
  'released',
  'designated_residence',
  'wanted_online',
  'administrative_detention',
  'compulsory_isolation',
  'community_treatment',
  'community_rehabilitation',
] as const;
export type LegalStatus = (typeof legalStatuses)[number];

/** Measures that mean the person is not in hand: nothing yet, 在逃, 上网追逃. */
export const notInHandStatuses: readonly LegalStatus[] = ['none', 'at_large', 'wanted_online'];

/**
 * Whether the top of a chain is a recorded source: 毒源已查明 (identified), or a person whose
 * supplier abroad is known (境外上线已掌握). Anything else at the top is 源头未查明.
 */
export const sourceStatuses = ['identified', 'supplier_abroad'] as const;
export type SourceStatus = (typeof sourceStatuses)[number];

/** Drug-user risk grade (national 高/中/低); local names and colours are configurable in settings. */
export const riskGrades = ['high', 'medium', 'low'] as const;
export type RiskGrade = (typeof riskGrades)[number];

/** 双四色: person colour A–D. */
export const personColours = ['A', 'B', 'C', 'D'] as const;
/** 双四色: area colour 红/黄/蓝/绿. */
export const areaColours = ['red', 'yellow', 'blue', 'green'] as const;

/** Supply-chain tier of a person or organisation, upstream first. */
export const chainTiers = [
  'precursor',
  'manufacture',
  'source',
  'transport',
  'distribution',
  'retail',
  'consumption',
  'finance',
] as const;
export type ChainTier = (typeof chainTiers)[number];
