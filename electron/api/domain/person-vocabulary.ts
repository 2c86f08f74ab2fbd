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

/** Legal status / coercive measure of a person in a case. */
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
] as const;
export type LegalStatus = (typeof legalStatuses)[number];

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
