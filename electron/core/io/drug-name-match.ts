import { pinyin } from 'pinyin-pro';
import { drugCatalog, type CatalogueEntry } from '../../api/domain/drug-catalog';

/** A ledger's drug cell: the catalogue code it names, or why not with the nearest names. */
type DrugMatch =
  | { ok: true; code: string }
  | { ok: false; problem: 'drug' | 'drugAmbiguous'; suggestions: string[] };

const fold = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s·•]/g, '');

const spelled = (text: string) =>
  pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase();

/** Edit distance of two short strings (names of a few characters: no library needed). */
function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j]!;
      previous[j] = Math.min(
        above + 1,
        previous[j - 1]! + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

interface NameIndex {
  /** Folded name → the codes it names (摇头丸 names two). */
  exact: Map<string, Set<string>>;
  /** Every name of each entry, folded and spelled in pinyin, for close matches. */
  forms: { entry: CatalogueEntry; forms: string[] }[];
}

let index: NameIndex | undefined;

/**
 * The names a ledger may use: the catalogue name, that name without its bracket
 * ("甲基苯丙胺（冰毒）" → 甲基苯丙胺), the bracket's own name where only one entry has it
 * (冰毒, 麻古; not 标准规格药品), the English name, the code, and every alias and slang word.
 */
function nameIndex(): NameIndex {
  if (index) return index;
  const bracketed = /^(.*?)（(.*)）$/;
  const bracketNames = new Map<string, Set<string>>();
  for (const entry of drugCatalog) {
    const inner = bracketed.exec(entry.zh)?.[2];
    for (const name of inner?.split(/[、，,]/) ?? []) {
      const key = fold(name);
      bracketNames.set(key, (bracketNames.get(key) ?? new Set()).add(entry.code));
    }
  }
  const exact = new Map<string, Set<string>>();
  const forms: NameIndex['forms'] = [];
  for (const entry of drugCatalog) {
    const match = bracketed.exec(entry.zh);
    const inner = (match?.[2]?.split(/[、，,]/) ?? []).filter(
      (name) => bracketNames.get(fold(name))?.size === 1,
    );
    const names = [entry.zh, match?.[1] ?? '', ...inner, entry.en, entry.code, ...entry.aliases]
      .map(fold)
      .filter(Boolean);
    for (const name of names) exact.set(name, (exact.get(name) ?? new Set()).add(entry.code));
    forms.push({ entry, forms: [...new Set([...names, ...names.map(spelled)])] });
  }
  index = { exact, forms };
  return index;
}

const suggestionCount = 3;

/**
 * Reads a ledger's 物品名称: a name, alias or slang word of exactly one catalogue entry. A
 * name of several entries (摇头丸: MDMA or 麻古) is refused with those entries; an unknown
 * name with the closest names by spelling or pinyin ("冰du" → 甲基苯丙胺（冰毒）).
 */
export function matchDrugName(text: string): DrugMatch {
  const { exact, forms } = nameIndex();
  // 疑似冰毒, 冰毒(疑似), 海洛因（四号）, 麻古（甲基苯丙胺片剂）: the name without the note, when
  // the whole is no name of its own.
  const plain = text
    .normalize('NFKC')
    .replace(/^疑似/, '')
    .replace(/\([^()]*\)$/, '')
    .trim();
  const whole = fold(text);
  // 甲基苯丙胺（麻古）: a note naming a form of the substance before it is that form.
  const note = /\(([^()]*)\)$/.exec(text.normalize('NFKC').trim())?.[1];
  const noteCodes = note ? exact.get(fold(note)) : undefined;
  const plainCodes = exact.get(fold(plain));
  if (noteCodes?.size === 1 && plainCodes?.size === 1) {
    const form = drugCatalog.find((entry) => entry.code === [...noteCodes][0]);
    if (form?.substance && form.substance === [...plainCodes][0])
      return { ok: true, code: form.code };
  }
  const key = exact.has(whole) || !plain ? whole : fold(plain);
  const codes = exact.get(key);
  if (codes?.size === 1) return { ok: true, code: [...codes][0]! };
  if (codes && codes.size > 1)
    return {
      ok: false,
      problem: 'drugAmbiguous',
      suggestions: drugCatalog.filter((entry) => codes.has(entry.code)).map((entry) => entry.zh),
    };
  const query = [key, spelled(key)];
  const scored = forms
    .map(({ entry, forms: names }) => {
      let best = Infinity;
      for (const name of names)
        for (const form of query)
          best = Math.min(best, editDistance(form, name) / Math.max(form.length, name.length));
      return { entry, score: best };
    })
    // At most half the letters differ: "冰du" finds 冰毒, "海洛英" 海洛因; "xyz" nothing.
    .filter((item) => item.score <= 0.5 && item.entry.code !== 'other')
    .sort((a, b) => a.score - b.score);
  // Only names about as close as the closest: one clear guess is not buried among far ones.
  const best = scored[0]?.score ?? 0;
  return {
    ok: false,
    problem: 'drug',
    suggestions: scored
      .filter((item) => item.score <= best + 0.15)
      .slice(0, suggestionCount)
      .map((item) => item.entry.zh),
  };
}
