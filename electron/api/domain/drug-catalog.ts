/**
 * The drugs and controlled substances a seizure can record, with Chinese and English names.
 * `measure` says how quantities of it are normalised: mass → milligrams, volume → millilitres,
 * count → tablets/units. Statutory thresholds live in electron/core/seizures (one data file).
 */
export const drugCatalog = [
  { code: 'heroin', zh: '海洛因', en: 'Heroin', measure: 'mass' },
  { code: 'methamphetamine', zh: '甲基苯丙胺（冰毒）', en: 'Methamphetamine', measure: 'mass' },
  { code: 'methamphetamine_tablets', zh: '甲基苯丙胺片剂（麻古）', en: 'Methamphetamine tablets (yaba)', measure: 'mass' },
  { code: 'annaka', zh: '安钠咖', en: 'Annaka (caffeine sodium benzoate)', measure: 'mass' },
  { code: 'methadone', zh: '美沙酮', en: 'Methadone', measure: 'mass' },
  { code: 'ketamine', zh: '氯胺酮', en: 'Ketamine', measure: 'mass' },
  { code: 'cannabis_leaf', zh: '大麻叶及大麻烟', en: 'Cannabis (leaf, cigarettes)', measure: 'mass' },
  { code: 'cannabis_resin', zh: '大麻脂', en: 'Cannabis resin', measure: 'mass' },
  { code: 'cannabis_oil', zh: '大麻油', en: 'Cannabis oil', measure: 'mass' },
  { code: 'cocaine', zh: '可卡因', en: 'Cocaine', measure: 'mass' },
  { code: 'mdma', zh: 'MDMA（摇头丸）', en: 'MDMA', measure: 'mass' },
  { code: 'opium', zh: '鸦片', en: 'Opium', measure: 'mass' },
  { code: 'morphine', zh: '吗啡', en: 'Morphine', measure: 'mass' },
  { code: 'fentanyl', zh: '芬太尼', en: 'Fentanyl', measure: 'mass' },
  { code: 'methcathinone', zh: '甲卡西酮', en: 'Methcathinone', measure: 'mass' },
  { code: 'tramadol', zh: '曲马多', en: 'Tramadol', measure: 'mass' },
  { code: 'ghb', zh: 'γ-羟丁酸', en: 'GHB', measure: 'mass' },
  { code: 'nitrous_oxide', zh: '笑气（一氧化二氮）', en: 'Nitrous oxide', measure: 'mass' },
  { code: 'hydroxylimine', zh: '羟亚胺', en: 'Hydroxylimine (ketamine precursor)', measure: 'mass' },
  { code: 'ephedra', zh: '麻黄草', en: 'Ephedra', measure: 'mass' },
  { code: 'precursor_other', zh: '其他易制毒化学品', en: 'Other precursor chemical', measure: 'mass' },
  { code: 'nps', zh: '新精神活性物质', en: 'New psychoactive substance', measure: 'mass' },
  { code: 'other', zh: '其他', en: 'Other', measure: 'mass' },
] as const satisfies readonly { code: string; zh: string; en: string; measure: 'mass' | 'volume' | 'count' }[]; // prettier-ignore

export type DrugCode = (typeof drugCatalog)[number]['code'];
export const drugCodes = drugCatalog.map((drug) => drug.code) as [DrugCode, ...DrugCode[]];

/**
 * Seized substances that are not 毒品 under art. 357 (precursor chemicals, and nitrous oxide,
 * prosecuted as 非法经营): listed per type, left out of the "drugs seized" totals.
 */
const notNarcotics = new Set<string>([
  'nitrous_oxide',
  'hydroxylimine',
  'ephedra',
  'precursor_other',
]);

export function isNarcotic(code: string): boolean {
  return !notNarcotics.has(code);
}
