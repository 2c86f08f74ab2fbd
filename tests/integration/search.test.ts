import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

let c: TestCore;
afterEach(() => c?.dispose());

async function setup() {
  c = makeTestCore();
  await createTestWorkspace(c);
  const caseRow = await c.ok('cases.create', {
    caseNo: 'A3301052026110099',
    title: '“11·23”跨省贩卖冰毒案',
    offenceType: 'trafficking',
    openedOn: '2026-10-01',
  });
  const person = await c.ok('entities.create', {
    entity: {
      kind: 'person',
      name: '全某甲',
      aliases: ['甲哥'],
      idNumber: '11010519491231002X',
      household: '北京市西城区',
    },
    caseId: caseRow.id,
  });
  await c.ok('entities.create', { entity: { kind: 'person', name: '全某乙' }, caseId: caseRow.id });
  await c.ok('entities.create', { entity: { kind: 'person', name: '单某' }, caseId: caseRow.id });
  const phone = await c.ok('entities.create', {
    entity: { kind: 'phone', number: '17757103386' },
    caseId: caseRow.id,
  });
  const car = await c.ok('entities.create', {
    entity: { kind: 'vehicle', plate: '云A5K392', model: '大众帕萨特' },
    caseId: caseRow.id,
  });
  return { caseRow, person, phone, car };
}

async function find(text: string) {
  const result = await c.ok('search.query', { text });
  return result.groups.flatMap((group) =>
    group.hits.map((hit) => `${group.type}:${hit.title}:${hit.matchedBy}`),
  );
}

describe('global search', () => {
  it('finds 全某甲 by a Chinese substring, full pinyin, initials, ID number and alias', async () => {
    await setup();
    expect(await find('某甲')).toEqual(['person:全某甲:text']);
    expect(await find('quanmouj')).toEqual(['person:全某甲:pinyin']);
    expect(await find('qmj')).toEqual(['person:全某甲:pinyin']);
    expect(await find('QMJ')).toEqual(['person:全某甲:pinyin']);
    expect(await find('11010519491231002X')).toEqual(['person:全某甲:identifier']);
    expect(await find('11010519491231002x')).toEqual(['person:全某甲:identifier']);
    // The same card's first-generation 15-digit number.
    expect(await find('110105491231002')).toEqual(['person:全某甲:identifier']);
    expect(await find('甲哥')).toEqual(['person:全某甲:text']);
    expect((await find('quanmou')).sort()).toEqual([
      'person:全某乙:pinyin',
      'person:全某甲:pinyin',
    ]);
  });

  it('reads a surname as a surname (单 is shan), and finds one character by scanning', async () => {
    await setup();
    expect(await find('shanmou')).toEqual(['person:单某:pinyin']);
    expect(await find('单')).toEqual(['person:单某:text']);
  });

  it('finds a phone by its last 6 digits, a plate however written, a case by number or title', async () => {
    await setup();
    expect(await find('103386')).toEqual(['phone:17757103386:text']);
    expect(await find('177 5710 3386')).toEqual(['phone:17757103386:identifier']);
    expect(await find('云A·5K392')).toEqual(['vehicle:云A5K392:identifier']);
    expect(await find('帕萨特')).toEqual(['vehicle:云A5K392:text']);
    expect(await find('a3301052026110099')).toEqual(['case:“11·23”跨省贩卖冰毒案:identifier']);
    expect(await find('贩卖冰毒')).toEqual(['case:“11·23”跨省贩卖冰毒案:text']);
  });

  it('treats query syntax as text', async () => {
    await setup();
    expect(await find('"某甲" OR *')).toEqual([]);
    expect(await find('NEAR(全某)')).toEqual([]);
    expect(await find('%')).toEqual([]);
  });

  it('stays in step with every write: edits, deletes and merges', async () => {
    const { person } = await setup();
    await c.ok('entities.update', {
      id: person.id,
      entity: { kind: 'person', name: '全某丙', idNumber: '11010519491231002X' },
    });
    expect(await find('某甲')).toEqual([]);
    expect(await find('qmb')).toEqual(['person:全某丙:pinyin']);
    await c.ok('entities.delete', { id: person.id });
    expect(await find('全某丙')).toEqual([]);
    expect(await find('11010519491231002X')).toEqual([]);
  });

  it('groups results by kind with totals', async () => {
    await setup();
    const result = await c.ok('search.query', { text: '某', limitPerGroup: 2 });
    expect(result.groups.map((group) => [group.type, group.total, group.hits.length])).toEqual([
      ['person', 3, 2],
    ]);
  });
});
