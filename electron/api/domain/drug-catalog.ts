/**
 * The catalogue of what a seizure can record: drugs, their forms, other controlled substances,
 * precursor chemicals and substitutes. One dated data file; every figure carries its source.
 *
 * Edition 2026-12-02. Sources:
 * - 《中华人民共和国刑法》第三百四十七条 (鸦片 1,000 g / 200 g; 海洛因、甲基苯丙胺 50 g / 10 g),
 *   第三百五十一条 (种植罂粟 500 株 / 3,000 株), 第三百五十七条 (no conversion by purity).
 * - 法释〔2016〕8号《最高人民法院关于审理毒品犯罪案件适用法律若干问题的解释》第一条 (数量大,
 *   items 1–16) and 第二条 (数量较大, same items); 第一条第二款: standard-specification medicines of
 *   licensed producers count by their drug content. Item numbers checked against the published
 *   text (2016-04-06, in force 2016-04-11) and the table in DOMAIN.md.
 * - 《易制毒化学品管理条例》(国务院令第445号, 2005-11-01) annex, categories 1–3; 羟亚胺 added
 *   2008; 邻氯苯基环戊酮 added later (date to be verified); 国办函〔2021〕58号 (2021) additions.
 * - 苯丙胺, MDA, MDEA are not named in the interpretation but item 2 reads "3,4-亚甲二氧基甲基苯丙胺
 *   （MDMA）等苯丙胺类毒品（甲基苯丙胺除外）、吗啡一百克以上" (第2条: 二十克以上): they take MDMA's
 *   100 g / 20 g (DOMAIN.md's row "其他苯丙胺类"). Text checked 2026-12-03 against the published
 *   interpretation (and the 2000 interpretation 法释〔2000〕13号 it replaced, which had the same
 *   "苯丙胺类毒品（甲基苯丙胺除外）" rule).
 * - Controlled without a figure in the interpretation: LSD, 氟胺酮, 依托咪酯 (listed 2023),
 *   合成大麻素类 (class-wide, 2021).
 * The precursor figures of interpretation art. 7–9 are not listed: they were not verified
 * against the official text, so each precursor shows "数量标准待核".
 */

type Measure = 'mass' | 'volume' | 'count';

/** What kind of thing an entry is: only narcotics are 毒品 under art. 357 and count as drugs seized. */
type SubstanceKind = 'narcotic' | 'precursor' | 'substitute' | 'other';

/** Statutory figures as the law writes them: a number and its unit. */
export interface StatutoryFigures {
  unit: 'mg' | 'g' | 'kg' | 'plant';
  /** 数量大 (≥). */
  large: number;
  /** 数量较大 (≥). */
  relativelyLarge: number;
  source: string;
}

export interface CatalogueEntry {
  code: string;
  zh: string;
  en: string;
  /** Other names, slang and street names users type (K粉, 冰, 麻古 …). */
  aliases: readonly string[];
  kind: SubstanceKind;
  /** The usual way it is measured; the form accepts any unit. */
  measure: Measure;
  /** The substance it is a form of: forms of one substance add up for the tier. */
  substance?: string;
  /** Statutory figures of the substance (only on the substance itself, not on its forms). */
  figures?: StatutoryFigures;
  /** A standard-specification medicine: its quantity counts by drug content (art. 1 para. 2). */
  medicine?: boolean;
  /** Precursor category of the 易制毒化学品管理条例 annex. */
  precursorCategory?: 1 | 2 | 3;
  /** When and by what it was listed, for entries added after the base texts. */
  listed?: string;
}

const art1 = (item: number) => `法释〔2016〕8号 第1条第${item}项、第2条第${item}项`;
const criminalLaw347 = '刑法第347条';
const annex2005 = '易制毒化学品管理条例附表（2005）';
const additions2021 = '国办函〔2021〕58号（2021）';
/** Item 2's "MDMA等苯丙胺类毒品（甲基苯丙胺除外）": amphetamine-type drugs not named on their own. */
const amphetamineType = `${art1(2)}（苯丙胺类毒品，甲基苯丙胺除外）`;

const narcotic = (
  code: string,
  zh: string,
  en: string,
  aliases: readonly string[],
  figures?: StatutoryFigures,
  extra: Partial<CatalogueEntry> = {},
): CatalogueEntry => ({
  code,
  zh,
  en,
  aliases,
  kind: 'narcotic',
  measure: 'mass',
  ...(figures ? { figures } : {}),
  ...extra,
});
const fig = (
  unit: StatutoryFigures['unit'],
  large: number,
  relativelyLarge: number,
  source: string,
): StatutoryFigures => ({ unit, large, relativelyLarge, source });
const precursor = (
  code: string,
  zh: string,
  en: string,
  category: 1 | 2 | 3,
  listed: string,
  aliases: readonly string[] = [],
): CatalogueEntry => ({
  code,
  zh,
  en,
  aliases,
  kind: 'precursor',
  measure: 'mass',
  precursorCategory: category,
  listed,
});

/* Every stored code of earlier releases is kept: existing seizures still read. */
export const drugCatalog: readonly CatalogueEntry[] = [
  // 刑法第347条
  narcotic('opium', '鸦片', 'Opium', ['大烟', '烟土'], fig('g', 1_000, 200, criminalLaw347)),
  narcotic('heroin', '海洛因', 'Heroin', ['白粉', '四号', '白面'], fig('g', 50, 10, criminalLaw347)),
  narcotic('methamphetamine', '甲基苯丙胺（冰毒）', 'Methamphetamine', ['冰毒', '冰', '溜冰', '猪肉'], fig('g', 50, 10, criminalLaw347)),
  narcotic('methamphetamine_tablets', '甲基苯丙胺片剂（麻古）', 'Methamphetamine tablets (yaba)', ['麻古', '麻果', '摇头丸（含甲基苯丙胺）', '摇头丸', '红冰'], undefined, { substance: 'methamphetamine' }),
  // 法释〔2016〕8号 第1条、第2条
  narcotic('cocaine', '可卡因', 'Cocaine', ['古柯碱', '可可'], fig('g', 50, 10, art1(1))),
  narcotic('mdma', 'MDMA（3,4-亚甲二氧基甲基苯丙胺）', 'MDMA', ['摇头丸（MDMA）', '摇头丸', '迷魂药', 'E仔', '3,4-亚甲二氧基甲基苯丙胺', '亚甲二氧基甲基苯丙胺'], fig('g', 100, 20, art1(2))),
  narcotic('morphine', '吗啡', 'Morphine', [], fig('g', 100, 20, art1(2))),
  narcotic('fentanyl', '芬太尼', 'Fentanyl', [], fig('g', 125, 25, art1(3))),
  narcotic('methcathinone', '甲卡西酮', 'Methcathinone', ['浴盐', '丧尸药'], fig('g', 200, 40, art1(4))),
  narcotic('dihydroetorphine', '二氢埃托啡', 'Dihydroetorphine', ['盐酸二氢埃托啡'], fig('mg', 10, 2, art1(5))),
  narcotic('pethidine', '哌替啶（度冷丁）', 'Pethidine', ['度冷丁', '杜冷丁'], fig('g', 250, 50, art1(6))),
  narcotic('ketamine', '氯胺酮', 'Ketamine', ['K粉', 'K仔', 'K', '盐酸氯胺酮'], fig('g', 500, 100, art1(7))),
  narcotic('methadone', '美沙酮', 'Methadone', [], fig('g', 1_000, 200, art1(8))),
  narcotic('tramadol', '曲马多', 'Tramadol', [], fig('g', 2_000, 400, art1(9))),
  narcotic('ghb', 'γ-羟丁酸', 'GHB', ['G水', '听话水', 'GHB'], fig('g', 2_000, 400, art1(9))),
  narcotic('cannabis_oil', '大麻油', 'Cannabis oil', [], fig('kg', 5, 1, art1(10))),
  narcotic('cannabis_resin', '大麻脂', 'Cannabis resin', ['哈希'], fig('kg', 10, 2, art1(10))),
  narcotic('cannabis_leaf', '大麻叶及大麻烟', 'Cannabis (leaf, cigarettes)', ['大麻', '叶子', '草', '麻叶'], fig('kg', 150, 30, art1(10))),
  narcotic('codeine', '可待因', 'Codeine', [], fig('kg', 5, 1, art1(11))),
  narcotic('buprenorphine', '丁丙诺啡', 'Buprenorphine', [], fig('kg', 5, 1, art1(11))),
  narcotic('triazolam', '三唑仑', 'Triazolam', ['蓝精灵', '迷药'], fig('kg', 50, 10, art1(12))),
  narcotic('methaqualone', '安眠酮', 'Methaqualone', ['甲喹酮'], fig('kg', 50, 10, art1(12))),
  narcotic('alprazolam', '阿普唑仑', 'Alprazolam', [], fig('kg', 100, 20, art1(13))),
  narcotic('khat', '恰特草', 'Khat', ['阿拉伯茶'], fig('kg', 100, 20, art1(13))),
  narcotic('caffeine', '咖啡因', 'Caffeine', [], fig('kg', 200, 40, art1(14))),
  narcotic('poppy_straw', '罂粟壳', 'Poppy straw', ['大烟壳'], fig('kg', 200, 40, art1(14))),
  narcotic('barbital', '巴比妥', 'Barbital', [], fig('kg', 250, 50, art1(15))),
  narcotic('phenobarbital', '苯巴比妥', 'Phenobarbital', [], fig('kg', 250, 50, art1(15))),
  narcotic('annaka', '安钠咖', 'Annaka (caffeine sodium benzoate)', ['苯甲酸钠咖啡因'], fig('kg', 250, 50, art1(15))),
  narcotic('nimetazepam', '尼美西泮', 'Nimetazepam', ['一粒沙', '红五'], fig('kg', 250, 50, art1(15))),
  narcotic('chlordiazepoxide', '氯氮卓', 'Chlordiazepoxide', ['利眠宁'], fig('kg', 500, 100, art1(16))),
  narcotic('estazolam', '艾司唑仑', 'Estazolam', ['舒乐安定'], fig('kg', 500, 100, art1(16))),
  narcotic('diazepam', '地西泮', 'Diazepam', ['安定'], fig('kg', 500, 100, art1(16))),
  narcotic('bromazepam', '溴西泮', 'Bromazepam', [], fig('kg', 500, 100, art1(16))),
  // Standard-specification medicines (第1条第2款): counted by content.
  narcotic('tramadol_tablets', '曲马多片（标准规格药品）', 'Tramadol tablets (licensed medicine)', ['曲马多片', '曲马朵'], undefined, { substance: 'tramadol', medicine: true, measure: 'count' }),
  narcotic('methadone_oral_solution', '美沙酮口服液（标准规格药品）', 'Methadone oral solution (licensed medicine)', ['美沙酮口服液'], undefined, { substance: 'methadone', medicine: true, measure: 'volume' }),
  narcotic('codeine_syrup', '含可待因止咳水（标准规格药品）', 'Codeine cough syrup (licensed medicine)', ['止咳水', '可待因止咳水', '联邦止咳露', '咳水'], undefined, { substance: 'codeine', medicine: true, measure: 'volume' }),
  narcotic('triazolam_tablets', '三唑仑片（标准规格药品）', 'Triazolam tablets (licensed medicine)', ['三唑仑片'], undefined, { substance: 'triazolam', medicine: true, measure: 'count' }),
  narcotic('alprazolam_tablets', '阿普唑仑片（标准规格药品）', 'Alprazolam tablets (licensed medicine)', ['阿普唑仑片'], undefined, { substance: 'alprazolam', medicine: true, measure: 'count' }),
  narcotic('estazolam_tablets', '艾司唑仑片（标准规格药品）', 'Estazolam tablets (licensed medicine)', ['艾司唑仑片'], undefined, { substance: 'estazolam', medicine: true, measure: 'count' }),
  narcotic('diazepam_tablets', '地西泮片（标准规格药品）', 'Diazepam tablets (licensed medicine)', ['地西泮片', '安定片'], undefined, { substance: 'diazepam', medicine: true, measure: 'count' }),
  narcotic('pethidine_injection', '哌替啶注射液（标准规格药品）', 'Pethidine injection (licensed medicine)', ['度冷丁针剂'], undefined, { substance: 'pethidine', medicine: true, measure: 'count' }),
  // 刑法第351条: plants, counted in 株.
  narcotic('poppy_plant', '罂粟（植株）', 'Opium poppy (plants)', ['罂粟'], fig('plant', 3_000, 500, '刑法第351条'), { measure: 'count' }),
  narcotic('cannabis_plant', '大麻（植株）', 'Cannabis (plants)', ['大麻植株'], undefined, { measure: 'count' }),
  // 苯丙胺类毒品 of item 2, not named on their own.
  narcotic('amphetamine', '苯丙胺', 'Amphetamine', [], fig('g', 100, 20, amphetamineType)),
  narcotic('mda', 'MDA（3,4-亚甲二氧基苯丙胺）', 'MDA', [], fig('g', 100, 20, amphetamineType)),
  narcotic('mdea', 'MDEA（3,4-亚甲二氧基乙基苯丙胺）', 'MDEA', [], fig('g', 100, 20, amphetamineType)),
  // Controlled, no figure in the interpretation.
  narcotic('lsd', '麦角酰二乙胺（LSD）', 'LSD', ['LSD', '邮票', '贴纸']),
  narcotic('fluorexetamine', '氟胺酮', 'Fluoroketamine (2F-DCK)', ['2F-DCK']),
  narcotic('etomidate', '依托咪酯', 'Etomidate', ['上头电子烟', '太空油'], undefined, { listed: '2023年列入管制' }),
  narcotic('synthetic_cannabinoids', '合成大麻素类物质', 'Synthetic cannabinoids', ['合成大麻素', '娜塔莎', '小树枝'], undefined, { listed: '2021年整类列管' }),
  narcotic('nps', '新精神活性物质', 'New psychoactive substance', ['NPS']),
  // Substitutes: not 毒品 (笑气 is on the hazardous-chemicals list).
  { code: 'nitrous_oxide', zh: '笑气（一氧化二氮）', en: 'Nitrous oxide', aliases: ['笑气', '奶油气弹'], kind: 'substitute', measure: 'mass' },
  // 易制毒化学品管理条例 annex, category 1.
  precursor('precursor_p2p', '1-苯基-2-丙酮', 'Phenyl-2-propanone (P2P)', 1, annex2005, ['P2P']),
  precursor('precursor_mdp2p', '3,4-亚甲基二氧苯基-2-丙酮', '3,4-MDP-2-P (PMK)', 1, annex2005, ['PMK']),
  precursor('precursor_piperonal', '胡椒醛', 'Piperonal', 1, annex2005),
  precursor('precursor_safrole', '黄樟素', 'Safrole', 1, annex2005),
  precursor('precursor_sassafras_oil', '黄樟油', 'Sassafras oil', 1, annex2005),
  precursor('precursor_isosafrole', '异黄樟素', 'Isosafrole', 1, annex2005),
  precursor('precursor_n_acetylanthranilic', 'N-乙酰邻氨基苯酸', 'N-Acetylanthranilic acid', 1, annex2005),
  precursor('precursor_anthranilic', '邻氨基苯甲酸', 'Anthranilic acid', 1, annex2005),
  precursor('precursor_lysergic_acid', '麦角酸', 'Lysergic acid', 1, annex2005),
  precursor('precursor_ergotamine', '麦角胺', 'Ergotamine', 1, annex2005),
  precursor('precursor_ergometrine', '麦角新碱', 'Ergometrine', 1, annex2005),
  precursor('precursor_ephedrine', '麻黄素类（麻黄碱、伪麻黄碱、消旋麻黄碱、麻黄浸膏等）', 'Ephedrines (ephedrine, pseudoephedrine, extracts)', 1, annex2005, ['麻黄碱', '麻黄素', '伪麻黄碱', '消旋麻黄碱', '麻黄浸膏', '麻黄浸膏粉']),
  precursor('hydroxylimine', '羟亚胺', 'Hydroxylimine (ketamine precursor)', 1, '2008年增列'),
  precursor('precursor_o_chlorophenyl_cyclopentyl_ketone', '邻氯苯基环戊酮', 'o-Chlorophenyl cyclopentyl ketone', 1, '增列（日期待核）', ['邻酮']),
  // Category 2.
  precursor('precursor_phenylacetic_acid', '苯乙酸', 'Phenylacetic acid', 2, annex2005),
  precursor('precursor_acetic_anhydride', '醋酸酐', 'Acetic anhydride', 2, annex2005, ['乙酸酐']),
  precursor('precursor_chloroform', '三氯甲烷', 'Chloroform', 2, annex2005, ['氯仿']),
  precursor('precursor_ether', '乙醚', 'Diethyl ether', 2, annex2005),
  precursor('precursor_piperidine', '哌啶', 'Piperidine', 2, annex2005),
  precursor('precursor_mapa', 'α-苯乙酰乙酸甲酯', 'Methyl α-phenylacetoacetate (MAPA)', 2, additions2021),
  precursor('precursor_apaan', 'α-乙酰乙酰苯胺', 'α-Acetoacetanilide', 2, additions2021),
  precursor('precursor_pmk_glycidate', '3,4-亚甲基二氧苯基-2-丙酮缩水甘油酸（酯）', 'PMK glycidic acid (ester)', 2, additions2021),
  // Category 3.
  precursor('precursor_toluene', '甲苯', 'Toluene', 3, annex2005),
  precursor('precursor_acetone', '丙酮', 'Acetone', 3, annex2005),
  precursor('precursor_mek', '甲基乙基酮', 'Methyl ethyl ketone', 3, annex2005, ['丁酮']),
  precursor('precursor_permanganate', '高锰酸钾', 'Potassium permanganate', 3, annex2005),
  precursor('precursor_sulfuric_acid', '硫酸', 'Sulfuric acid', 3, annex2005),
  precursor('precursor_hydrochloric_acid', '盐酸', 'Hydrochloric acid', 3, annex2005),
  precursor('precursor_benzyl_cyanide', '苯乙腈', 'Benzyl cyanide', 3, additions2021),
  precursor('precursor_gbl', 'γ-丁内酯', 'γ-Butyrolactone (GBL)', 3, additions2021, ['GBL']),
  // Kept from earlier releases.
  { code: 'ephedra', zh: '麻黄草', en: 'Ephedra', aliases: ['麻黄'], kind: 'precursor', measure: 'mass' },
  { code: 'precursor_other', zh: '其他易制毒化学品', en: 'Other precursor chemical', aliases: [], kind: 'precursor', measure: 'mass' },
  { code: 'other', zh: '其他', en: 'Other', aliases: [], kind: 'other', measure: 'mass' },
]; // prettier-ignore

export type DrugCode = string;
export const drugCodes = drugCatalog.map((drug) => drug.code) as [string, ...string[]];

const byCode = new Map(drugCatalog.map((entry) => [entry.code, entry]));

export function catalogueEntry(code: string): CatalogueEntry | undefined {
  return byCode.get(code);
}

/** The substance a form counts as: 麻古 → 甲基苯丙胺; a substance is its own. */
export function substanceOf(code: string): string {
  return byCode.get(code)?.substance ?? code;
}

/**
 * Only 毒品 (art. 357) count as drugs seized: precursor chemicals, nitrous oxide (run as 非法经营)
 * and "other" are listed per type, left out of the "drugs seized" totals.
 */
export function isNarcotic(code: string): boolean {
  return byCode.get(code)?.kind === 'narcotic';
}

export function isPrecursor(code: string): boolean {
  return byCode.get(code)?.kind === 'precursor';
}

/** The statutory figures of a code's substance, or undefined when the law sets none. */
export function figuresOf(code: string): StatutoryFigures | undefined {
  return byCode.get(substanceOf(code))?.figures;
}

/**
 * Guidance shown beside the seizure form, from 法释〔2016〕8号 and the 2015 conference summary:
 * a mixture containing heroin or methamphetamine counts as that drug.
 */
export function mixtureGuidance(code: string): 'meth' | 'heroin' | null {
  if (code === 'mdma' || code === 'methamphetamine_tablets' || code === 'nps' || code === 'other')
    return 'meth';
  if (code === 'opium' || code === 'morphine') return 'heroin';
  return null;
}

const fold = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/**
 * Entries whose name, English name or alias contains the query (K粉, 冰, 麻古, 摇头丸, 止咳水),
 * exact matches first. Used by the seizure form and by search.
 */
export function searchCatalogue(query: string): CatalogueEntry[] {
  const q = fold(query);
  if (!q) return [];
  const scored: { entry: CatalogueEntry; score: number }[] = [];
  for (const entry of drugCatalog) {
    const names = [entry.zh, entry.en, ...entry.aliases].map(fold);
    const score = names.some((name) => name === q)
      ? 0
      : names.some((name) => name.startsWith(q))
        ? 1
        : names.some((name) => name.includes(q))
          ? 2
          : -1;
    if (score >= 0) scored.push({ entry, score });
  }
  return scored.sort((a, b) => a.score - b.score).map((item) => item.entry);
}
