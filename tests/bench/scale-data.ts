import type Database from 'better-sqlite3';
import { computeCheckCharacter } from '../../electron/api/domain/resident-id';
import { relationTypes } from '../../electron/api/domain/relation-types';
// A 32-bit generator: a plain LCG in doubles loses precision and cycles over a few thousand values.
import { seededRandom } from '../../electron/core/graph/graph-model';

export interface ScaleCounts {
  entities: number;
  persons: number;
  relations: number;
}

const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const given = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华飞鹏辉建国志红文斌';
const regions = [
  '330102',
  '330105',
  '330106',
  '330108',
  '530102',
  '530111',
  '445281',
  '445202',
  '510104',
  '440305',
];

/**
 * Fills a migrated workspace database with `persons` persons (valid ID numbers, names with
 * 某, phones for every fifth) and `relations` relations between them, in transactions of
 * 100,000 rows, through the real tables. Returns what lookups need.
 */
export function seedScale(sqlite: Database.Database, size: { persons: number; relations: number }) {
  const next = seededRandom(20_261_123);
  const now = '2026-11-23T00:00:00.000Z';
  const insertEntity = sqlite.prepare(
    `INSERT INTO entities (id, kind, label, created_at, updated_at) VALUES (?, ?, ?, '${now}', '${now}')`,
  );
  const insertPerson = sqlite.prepare(
    'INSERT INTO persons (entity_id, name, aliases, gender, birth_date, id_number, household) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertPhone = sqlite.prepare('INSERT INTO phones (entity_id, number) VALUES (?, ?)');
  const insertRelation = sqlite.prepare(
    `INSERT INTO relations (id, from_entity_id, to_entity_id, type, directed, created_at, updated_at) VALUES (?, ?, ?, ?, 1, '${now}', '${now}')`,
  );

  const entityIds: string[] = [];
  const idNumbers: string[] = [];
  const seen = new Set<string>();
  // One transaction per 100,000 rows, as an import of that size is one transaction.
  const batch = 100_000;
  let phones = 0;
  for (let start = 0; start < size.persons; start += batch) {
    sqlite.transaction(() => {
      for (let n = start; n < Math.min(size.persons, start + batch); n += 1) {
        const id = `p${String(n).padStart(8, '0')}`;
        const name = `${surnames[n % surnames.length]}某${given[Math.floor(next() * given.length)]}`;
        const male = n % 2 === 0;
        const year = 1960 + Math.floor(next() * 45);
        const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
        const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
        const sequence = String((n % 500) * 2 + (male ? 1 : 0)).padStart(3, '0');
        const first17 = `${regions[n % regions.length]}${year}${month}${day}${sequence}`;
        const idNumber = `${first17}${computeCheckCharacter(first17)}`;
        insertEntity.run(id, 'person', name);
        // A generated number can repeat: keep the first, leave the later one without an ID number.
        const unique = !seen.has(idNumber);
        insertPerson.run(
          id,
          name,
          '[]',
          male ? 'male' : 'female',
          `${year}-${month}-${day}`,
          unique ? idNumber : null,
          null,
        );
        if (unique) {
          seen.add(idNumber);
          idNumbers.push(idNumber);
        }
        entityIds.push(id);
        if (n % 5 === 0) {
          const phoneId = `t${String(n).padStart(8, '0')}`;
          const number = `1${3 + (n % 7)}${String(n).padStart(9, '0')}`;
          insertEntity.run(phoneId, 'phone', number);
          insertPhone.run(phoneId, number);
          entityIds.push(phoneId);
          phones += 1;
        }
      }
    })();
  }
  for (let start = 0; start < size.relations; start += batch) {
    sqlite.transaction(() => {
      for (let n = start; n < Math.min(size.relations, start + batch); n += 1) {
        const from = entityIds[Math.floor(next() * entityIds.length)]!;
        const to = entityIds[Math.floor(next() * entityIds.length)]!;
        insertRelation.run(
          `r${String(n).padStart(9, '0')}`,
          from,
          to,
          relationTypes[n % relationTypes.length],
        );
      }
    })();
  }
  return {
    counts: { entities: size.persons + phones, persons: size.persons, relations: size.relations },
    idNumbers,
    entityIds,
    personIds: entityIds.filter((id) => id.startsWith('p')),
    phoneIds: entityIds.filter((id) => id.startsWith('t')),
  };
}

const units = [
  '禁毒支队一大队',
  '禁毒支队二大队',
  '禁毒支队三大队',
  '西湖分局禁毒大队',
  '上城分局禁毒大队',
  '拱墅分局禁毒大队',
  '滨江分局禁毒大队',
  '萧山分局禁毒大队',
  '余杭分局禁毒大队',
  '经开区分局',
];
const statuses = ['filed', 'investigating', 'solved', 'prosecuted', 'closed'] as const;
const levels = [
  'ordinary',
  'ordinary',
  'ordinary',
  'notable',
  'city',
  'province',
  'ministry',
] as const;
const titleWords = [
  '贩卖甲基苯丙胺',
  '贩卖海洛因',
  '运输毒品',
  '容留他人吸毒',
  '非法持有毒品',
  '制造毒品',
  '贩卖氯胺酮',
  '走私毒品',
];

/**
 * Adds `count` cases over the seeded persons: realistic statuses, levels, units, dates; five
 * persons and a phone per case, and one seizure each. Returns the case IDs.
 */
export function seedCases(
  sqlite: Database.Database,
  count: number,
  personIds: string[],
  phoneIds: string[],
): string[] {
  const next = seededRandom(7_777);
  const now = '2026-11-23T00:00:00.000Z';
  const insertCase =
    sqlite.prepare(`INSERT INTO cases (id, case_no, title, offence_type, status, supervision_level, unit, lead_investigator, opened_on, solved_on, summary, created_at, updated_at)
    VALUES (?, ?, ?, 'trafficking', ?, ?, ?, ?, ?, ?, ?, '${now}', ?)`);
  const insertMember = sqlite.prepare(
    `INSERT OR IGNORE INTO case_entities (id, case_id, entity_id, role_in_case, legal_status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '${now}', '${now}')`,
  );
  const insertSeizure =
    sqlite.prepare(`INSERT INTO seizures (id, case_id, seized_at, drug_type, quantity_value, quantity_unit, quantity_normalised, normalised_unit, created_at, updated_at)
    VALUES (?, ?, ?, 'methamphetamine', ?, 'g', ?, 'mg', '${now}', '${now}')`);
  const ids: string[] = [];
  sqlite.transaction(() => {
    for (let n = 0; n < count; n += 1) {
      const id = `c${String(n).padStart(7, '0')}`;
      const year = 2016 + (n % 10);
      const opened = `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
      const status = statuses[Math.floor(next() * statuses.length)]!;
      const solved = status === 'filed' || status === 'investigating' ? null : `${year}-12-20`;
      const caseNo = `A3301${String(year)}${String(n).padStart(7, '0')}`;
      const title = `“${(n % 12) + 1}·${(n % 28) + 1}”${titleWords[n % titleWords.length]}案`;
      insertCase.run(
        id,
        caseNo,
        title,
        status,
        levels[n % levels.length],
        units[n % units.length],
        `${surnames[n % 50]}某${given[n % given.length]}`,
        opened,
        solved,
        `${title}，经侦查发现……`,
        `${opened}T08:00:00.000Z`,
      );
      for (let m = 0; m < 5; m += 1) {
        insertMember.run(
          `${id}-m${m}`,
          id,
          personIds[Math.floor(next() * personIds.length)],
          m < 3 ? 'suspect' : 'drug_user',
          m === 0 ? 'arrested' : 'none',
        );
      }
      insertMember.run(
        `${id}-ph`,
        id,
        phoneIds[Math.floor(next() * phoneIds.length)],
        'involved',
        'none',
      );
      const grams = 1 + Math.floor(next() * 500);
      insertSeizure.run(`${id}-s`, id, `${opened}T10:00:00.000Z`, String(grams), grams * 1000);
      ids.push(id);
    }
  })();
  return ids;
}
