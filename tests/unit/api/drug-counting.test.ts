import { describe, expect, it } from 'vitest';
import {
  catalogueEntry,
  drugCatalog,
  isNarcotic,
  searchCatalogue,
  substanceOf,
} from '../../../electron/api/domain/drug-catalog';
import {
  countedQuantity,
  implausibility,
  substanceTotals,
  tierOf,
  type CountableSeizure,
} from '../../../electron/api/domain/drug-counting';
import { contentToMicrograms, normaliseQuantity } from '../../../electron/api/domain/quantity';

const g = 1_000;
const kg = 1_000_000;

/**
 * DOMAIN.md's table of 法释〔2016〕8号 art. 1–2 and 刑法第347条, copied here by hand (not from
 * the catalogue) so a wrong figure in the catalogue fails: [code, 数量大, 数量较大] in mg.
 */
const domainTable: [string, number, number][] = [
  ['opium', 1_000 * g, 200 * g],
  ['heroin', 50 * g, 10 * g],
  ['methamphetamine', 50 * g, 10 * g],
  ['cocaine', 50 * g, 10 * g],
  ['mdma', 100 * g, 20 * g],
  // 其他苯丙胺类: item 2 reads "MDMA等苯丙胺类毒品（甲基苯丙胺除外）", so every amphetamine-type
  // drug other than methamphetamine takes MDMA's figures.
  ['amphetamine', 100 * g, 20 * g],
  ['mda', 100 * g, 20 * g],
  ['mdea', 100 * g, 20 * g],
  ['morphine', 100 * g, 20 * g],
  ['fentanyl', 125 * g, 25 * g],
  ['methcathinone', 200 * g, 40 * g],
  ['dihydroetorphine', 10, 2],
  ['pethidine', 250 * g, 50 * g],
  ['ketamine', 500 * g, 100 * g],
  ['methadone', 1 * kg, 200 * g],
  ['tramadol', 2 * kg, 400 * g],
  ['ghb', 2 * kg, 400 * g],
  ['cannabis_oil', 5 * kg, 1 * kg],
  ['cannabis_resin', 10 * kg, 2 * kg],
  ['cannabis_leaf', 150 * kg, 30 * kg],
  ['codeine', 5 * kg, 1 * kg],
  ['buprenorphine', 5 * kg, 1 * kg],
  ['triazolam', 50 * kg, 10 * kg],
  ['methaqualone', 50 * kg, 10 * kg],
  ['alprazolam', 100 * kg, 20 * kg],
  ['khat', 100 * kg, 20 * kg],
  ['caffeine', 200 * kg, 40 * kg],
  ['poppy_straw', 200 * kg, 40 * kg],
  ['barbital', 250 * kg, 50 * kg],
  ['phenobarbital', 250 * kg, 50 * kg],
  ['annaka', 250 * kg, 50 * kg],
  ['nimetazepam', 250 * kg, 50 * kg],
  ['chlordiazepoxide', 500 * kg, 100 * kg],
  ['estazolam', 500 * kg, 100 * kg],
  ['diazepam', 500 * kg, 100 * kg],
  ['bromazepam', 500 * kg, 100 * kg],
];

/** One seizure weighed in mg (the smallest unit: "one unit below" is 1 mg below). */
const weighed = (drugType: string, milligrams: number): CountableSeizure => ({
  drugType,
  quantityNormalised: milligrams,
  normalisedUnit: 'mg',
  quantityUnit: 'mg',
  contentMicrograms: null,
});

const tierOfSeizures = (seizures: CountableSeizure[]) =>
  substanceTotals(seizures).map((total) => [total.substance, total.counted, total.tier]);

describe('statutory tiers of every drug in DOMAIN.md', () => {
  it('has 36 rows, each drug in the catalogue as a narcotic', () => {
    expect(domainTable).toHaveLength(36);
    for (const [code] of domainTable) expect(isNarcotic(code)).toBe(true);
  });

  it.each(domainTable)(
    '%s: 数量大 at %i mg, 数量较大 at %i mg, one mg below each',
    (code, large, relativelyLarge) => {
      expect(tierOfSeizures([weighed(code, large)])).toEqual([[code, large, 'large']]);
      expect(tierOfSeizures([weighed(code, large - 1)])).toEqual([
        [code, large - 1, 'relativelyLarge'],
      ]);
      expect(tierOfSeizures([weighed(code, relativelyLarge)])).toEqual([
        [code, relativelyLarge, 'relativelyLarge'],
      ]);
      expect(tierOfSeizures([weighed(code, relativelyLarge - 1)])).toEqual([
        [code, relativelyLarge - 1, 'belowRelativelyLarge'],
      ]);
    },
  );

  it('reads the mg-level and kg-level figures through the entered units', () => {
    const dihydroetorphine = normaliseQuantity('2', 'mg');
    const diazepam = normaliseQuantity('99.999999', 'kg');
    expect(dihydroetorphine).toEqual({ ok: true, value: 2, unit: 'mg' });
    expect(diazepam).toEqual({ ok: true, value: 99_999_999, unit: 'mg' });
    expect(tierOf('dihydroetorphine', 2, 0)).toBe('relativelyLarge');
    expect(tierOf('diazepam', 99_999_999, 0)).toBe('belowRelativelyLarge');
  });
});

describe('counting as courts count', () => {
  it('1000 片 × 50 mg 曲马多 = 50 g of tramadol: below 400 g, no tier', () => {
    const tablets: CountableSeizure = {
      drugType: 'tramadol_tablets',
      quantityNormalised: 1_000,
      normalisedUnit: 'count',
      quantityUnit: 'tablet',
      contentMicrograms: contentToMicrograms('50'),
    };
    expect(countedQuantity(tablets)).toBe(50 * g);
    expect(tierOfSeizures([tablets])).toEqual([['tramadol', 50 * g, 'belowRelativelyLarge']]);
  });

  it('a medicine without its content gets 需录入含量, not a tier on gross weight', () => {
    const tablets: CountableSeizure = {
      drugType: 'tramadol_tablets',
      quantityNormalised: 1_000,
      normalisedUnit: 'count',
      quantityUnit: 'tablet',
      contentMicrograms: null,
    };
    const weighedTablets = weighed('tramadol_tablets', 900 * g);
    expect(countedQuantity(tablets)).toBeNull();
    expect(tierOfSeizures([tablets])).toEqual([['tramadol', 0, 'contentRequired']]);
    // 900 g gross of tablets would be 数量较大 by weight; by law it waits for the content.
    expect(tierOfSeizures([weighedTablets])).toEqual([['tramadol', 0, 'contentRequired']]);
    // What is counted already reaches 数量大: the missing content cannot lower it.
    expect(tierOfSeizures([tablets, weighed('tramadol', 2 * kg)])).toEqual([
      ['tramadol', 2 * kg, 'large'],
    ]);
  });

  it('8 g 冰毒 + 3 g 麻古 = 11 g 甲基苯丙胺, 数量较大, each form still listed', () => {
    const totals = substanceTotals([
      weighed('methamphetamine', 8 * g),
      weighed('methamphetamine_tablets', 3 * g),
    ]);
    expect(totals).toEqual([
      {
        substance: 'methamphetamine',
        forms: ['methamphetamine', 'methamphetamine_tablets'],
        counted: 11 * g,
        uncounted: 0,
        grossWeighed: 0,
        tier: 'relativelyLarge',
        thresholds: { large: 50 * g, relativelyLarge: 10 * g, source: '刑法第347条' },
      },
    ]);
  });

  it('a gross weight (毛重) reaches no tier by itself: courts count net weight (需录入净重)', () => {
    const gross = (drugType: string, milligrams: number): CountableSeizure => ({
      ...weighed(drugType, milligrams),
      weightBasis: 'gross',
    });
    // 12 g gross of heroin: the net weight may be under 10 g.
    expect(tierOfSeizures([gross('heroin', 12 * g)])).toEqual([
      ['heroin', 12 * g, 'netWeightRequired'],
    ]);
    // 10 g gross exactly: net is at most that, still possibly below.
    expect(tierOfSeizures([gross('heroin', 10 * g)])).toEqual([
      ['heroin', 10 * g, 'netWeightRequired'],
    ]);
    // 10 g less 1 mg gross: the net is less still, below 数量较大 for sure.
    expect(tierOfSeizures([gross('heroin', 10 * g - 1)])).toEqual([
      ['heroin', 10 * g - 1, 'belowRelativelyLarge'],
    ]);
    // 12 g net and 1 g gross: 数量较大 either way.
    expect(tierOfSeizures([weighed('heroin', 12 * g), gross('heroin', 1 * g)])).toEqual([
      ['heroin', 13 * g, 'relativelyLarge'],
    ]);
    // 10 g net and 45 g gross: 数量大 only with the packaging, so it waits for the net weight.
    expect(tierOfSeizures([weighed('heroin', 10 * g), gross('heroin', 45 * g)])).toEqual([
      ['heroin', 55 * g, 'netWeightRequired'],
    ]);
    // 50 g net is 数量大 whatever the gross weights add.
    expect(tierOfSeizures([weighed('heroin', 50 * g), gross('heroin', 1 * g)])).toEqual([
      ['heroin', 51 * g, 'large'],
    ]);
    // Net weight stated, or not stated at all, counts as entered.
    expect(
      tierOfSeizures([{ ...weighed('heroin', 10 * g), weightBasis: 'net' }, weighed('heroin', 1)]),
    ).toEqual([['heroin', 10 * g + 1, 'relativelyLarge']]);
    expect(substanceTotals([gross('heroin', 12 * g)])[0]?.grossWeighed).toBe(12 * g);
  });

  it('codeine cough syrup counts by content per ml; 罂粟 by plants (刑法第351条)', () => {
    expect(
      countedQuantity({
        drugType: 'codeine_syrup',
        quantityNormalised: 120_000,
        normalisedUnit: 'ml',
        quantityUnit: 'l',
        contentMicrograms: contentToMicrograms('1'),
      }),
    ).toBe(120 * g);
    const plants = (n: number): CountableSeizure => ({
      drugType: 'poppy_plant',
      quantityNormalised: n,
      normalisedUnit: 'count',
      quantityUnit: 'plant',
      contentMicrograms: null,
    });
    expect(tierOfSeizures([plants(499)])).toEqual([['poppy_plant', 499, 'belowRelativelyLarge']]);
    expect(tierOfSeizures([plants(500)])).toEqual([['poppy_plant', 500, 'relativelyLarge']]);
    expect(tierOfSeizures([plants(3_000)])).toEqual([['poppy_plant', 3_000, 'large']]);
  });

  it('drugs without a figure, precursors and nitrous oxide have no tier', () => {
    expect(tierOfSeizures([weighed('etomidate', 5 * kg)])).toEqual([
      ['etomidate', 5 * kg, 'notApplicable'],
    ]);
    expect(tierOfSeizures([weighed('hydroxylimine', 2_970 * kg)])).toEqual([
      ['hydroxylimine', 2_970 * kg, 'notApplicable'],
    ]);
    expect(tierOfSeizures([weighed('nitrous_oxide', 1_000 * kg)])).toEqual([
      ['nitrous_oxide', 1_000 * kg, 'notApplicable'],
    ]);
    expect(isNarcotic('hydroxylimine')).toBe(false);
    expect(isNarcotic('nitrous_oxide')).toBe(false);
  });

  it('asks to confirm implausible entries', () => {
    expect(implausibility(weighed('heroin', 1_000 * kg + 1))).toBe('massOverOneTonne');
    expect(implausibility(weighed('heroin', 1_000 * kg))).toBeNull();
    expect(implausibility(weighed('tramadol_tablets', 10 * kg + 1))).toBe(
      'medicineOverTenKilograms',
    );
    expect(implausibility(weighed('nitrous_oxide', 150_000 * kg))).toBeNull();
  });
});

describe('the catalogue', () => {
  it('finds slang: K粉, 冰, 麻古, 摇头丸, 止咳水', () => {
    expect(searchCatalogue('K粉')[0]?.code).toBe('ketamine');
    expect(searchCatalogue('冰')[0]?.code).toBe('methamphetamine');
    expect(searchCatalogue('麻古')[0]?.code).toBe('methamphetamine_tablets');
    // Meth-bearing pills first: 摇头丸 is mostly methamphetamine in seizures.
    expect(searchCatalogue('摇头丸').map((entry) => entry.code)).toEqual([
      'methamphetamine_tablets',
      'mdma',
    ]);
    expect(searchCatalogue('止咳水')[0]?.code).toBe('codeine_syrup');
    expect(substanceOf('codeine_syrup')).toBe('codeine');
  });

  it('keeps every code stored by earlier releases', () => {
    const earlier = ['heroin', 'methamphetamine', 'methamphetamine_tablets', 'annaka', 'methadone', 'ketamine', 'cannabis_leaf', 'cannabis_resin', 'cannabis_oil', 'cocaine', 'mdma', 'opium', 'morphine', 'fentanyl', 'methcathinone', 'tramadol', 'ghb', 'nitrous_oxide', 'hydroxylimine', 'ephedra', 'precursor_other', 'nps', 'other']; // prettier-ignore
    for (const code of earlier) expect(catalogueEntry(code)?.code).toBe(code);
    expect(new Set(drugCatalog.map((entry) => entry.code)).size).toBe(drugCatalog.length);
  });

  it('lists precursors by category with their source, and figures for none', () => {
    const byCategory = (category: number) =>
      drugCatalog.filter((entry) => entry.precursorCategory === category).map((entry) => entry.zh);
    expect(byCategory(1)).toHaveLength(14);
    expect(byCategory(2)).toEqual(['苯乙酸', '醋酸酐', '三氯甲烷', '乙醚', '哌啶', 'α-苯乙酰乙酸甲酯', 'α-乙酰乙酰苯胺', '3,4-亚甲基二氧苯基-2-丙酮缩水甘油酸（酯）']); // prettier-ignore
    expect(byCategory(3)).toEqual(['甲苯', '丙酮', '甲基乙基酮', '高锰酸钾', '硫酸', '盐酸', '苯乙腈', 'γ-丁内酯']); // prettier-ignore
    expect(catalogueEntry('hydroxylimine')).toMatchObject({
      precursorCategory: 1,
      listed: '2008年增列',
    });
    expect(drugCatalog.filter((entry) => entry.kind === 'precursor' && entry.figures)).toEqual([]);
    expect(searchCatalogue('麻黄碱')[0]?.code).toBe('precursor_ephedrine');
  });
});
