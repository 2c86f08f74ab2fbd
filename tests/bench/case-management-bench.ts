import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { pinyin } from 'pinyin-pro';
import { caseListInput } from '../../electron/api/schemas/case-schemas';
import { getCaseDetail, listCases } from '../../electron/core/cases/case-queries';
import * as schema from '../../electron/core/db/schema';
import { rebuildSearchIndex } from '../../electron/core/search/search-indexer';
import { searchWorkspace } from '../../electron/core/search/search-queries';
import { seedCases } from './scale-data';
import { time, type Timing } from './timing';

export interface CaseManagementResults {
  cases: number;
  indexSeconds: number;
  documents: number;
  search: Record<string, Timing>;
  /** Searches (of 1,400) that found nothing; 0 means every timed search returned hits. */
  searchMisses: number;
  casePage: Timing;
  list: Record<string, Timing>;
}

/**
 * Issue 3's measures on the seeded encrypted workspace: 30k cases are added, the search index
 * is built, then searches of each kind, case pages and list pages are timed (200 runs each).
 */
export function benchCaseManagement(
  sqlite: Database.Database,
  seeded: { personIds: string[]; phoneIds: string[]; idNumbers: string[] },
  caseCount: number,
): CaseManagementResults {
  const db = drizzle({ client: sqlite, schema, casing: 'snake_case' });
  const caseIds = seedCases(sqlite, caseCount, seeded.personIds, seeded.phoneIds);
  const started = performance.now();
  const documents = db.transaction((tx) => rebuildSearchIndex(tx));
  const indexSeconds = (performance.now() - started) / 1000;

  const names = sqlite.prepare('SELECT name FROM persons WHERE entity_id = ?');
  const phoneNumber = sqlite.prepare('SELECT number FROM phones WHERE entity_id = ?');
  const pick = <T>(list: T[], n: number) => list[(n * 7919) % list.length]!;
  const nameOf = (n: number) => (names.get(pick(seeded.personIds, n)) as { name: string }).name;
  const syllables = (name: string) =>
    pinyin(name, { toneType: 'none', type: 'array', surname: 'head' });
  const runs = 200;
  let misses = 0;
  // A search that finds nothing would time nothing: count them and report.
  const searchFor = (text: string) => {
    if (searchWorkspace(db, text, 8).groups.length === 0) misses += 1;
  };
  const search = {
    'Chinese substring, 3 characters (trigram)': time(runs, (n) => searchFor(nameOf(n))),
    'Chinese, 2 characters (scan fallback)': time(runs, (n) => searchFor(nameOf(n).slice(0, 2))),
    'full pinyin, e.g. "wangmouw"': time(runs, (n) =>
      searchFor(syllables(nameOf(n)).join('').slice(0, 8)),
    ),
    'pinyin initials, 3 letters, e.g. "wmw"': time(runs, (n) =>
      searchFor(
        syllables(nameOf(n))
          .map((s) => s[0])
          .join(''),
      ),
    ),
    'ID number (exact)': time(runs, (n) => searchFor(pick(seeded.idNumbers, n))),
    'phone, last 6 digits': time(runs, (n) =>
      searchFor((phoneNumber.get(pick(seeded.phoneIds, n)) as { number: string }).number.slice(-6)),
    ),
    'case number (exact)': time(runs, (n) =>
      searchFor(
        `A3301${2016 + (((n * 31) % caseCount) % 10)}${String((n * 31) % caseCount).padStart(7, '0')}`,
      ),
    ),
  };
  const casePage = time(runs, (n) => getCaseDetail(db, pick(caseIds, n)));
  const listOf = (input: Parameters<typeof caseListInput.parse>[0]) => () =>
    listCases(db, caseListInput.parse(input));
  const list = {
    'status filter, sorted by opened date, page 1': time(
      runs,
      listOf({
        statuses: ['solved', 'prosecuted'],
        sort: { field: 'openedOn', order: 'desc' },
        pageSize: 50,
      }),
    ),
    'unit + date range, sorted by case number, page 20': time(
      runs,
      listOf({
        unit: '西湖分局',
        opened: { from: '2020-01-01', to: '2023-12-31' },
        sort: { field: 'caseNo', order: 'asc' },
        page: 20,
        pageSize: 50,
      }),
    ),
    'text in title, sorted by updated': time(runs, (n) =>
      listOf({
        text: titleWordsOf(n),
        sort: { field: 'updatedAt', order: 'desc' },
        pageSize: 50,
      })(),
    ),
  };
  return {
    cases: caseIds.length,
    indexSeconds,
    documents,
    search,
    searchMisses: misses,
    casePage,
    list,
  };
}

const words = ['甲基苯丙胺', '海洛因', '运输毒品', '容留他人', '氯胺酮'];
function titleWordsOf(n: number): string {
  return words[n % words.length]!;
}
