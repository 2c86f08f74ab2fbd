import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { computeCheckCharacter } from '../../electron/api/domain/resident-id';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

let c: TestCore;
afterEach(() => c?.dispose());

const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const idNumber = (first17: string) => first17 + computeCheckCharacter(first17);

/** 10,000 calls among 40 phones, deterministic; times in China time, one per 7 minutes. */
function callRows(count: number): string[][] {
  const phones = Array.from(
    { length: 40 },
    (_, index) => `139${String(10_000_000 + index * 7919).padStart(8, '0')}`,
  );
  const rows: string[][] = [];
  for (let index = 0; index < count; index += 1) {
    const caller = phones[index % 40]!;
    const spread = (index * 7 + Math.floor(index / 40) + 3) % 40;
    // Nobody calls themselves: the next phone instead.
    const callee = phones[spread === index % 40 ? (spread + 1) % 40 : spread]!;
    const start = new Date(Date.UTC(2026, 2, 1, 0, 0, 0) + index * 7 * 60_000);
    // As the carrier writes it: China time, eight hours ahead of UTC.
    const local = new Date(start.getTime() + 8 * 3_600_000)
      .toISOString()
      .replace('T', ' ')
      .slice(0, 19);
    rows.push([caller, callee, local, String((index % 300) + 5), `LAC${index % 17}`]);
  }
  return rows;
}

async function counts() {
  const stats = await c.ok('stats.summary', {});
  return { entities: stats.entities, relations: stats.relations, audit: stats.auditRecords };
}

describe('import', () => {
  it('a GB18030 CSV of 10,000 call records: phones, aggregated call relations, the drill-down', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const rows = callRows(10_000);
    const csv = [
      '主叫号码,被叫号码,通话时间,通话时长,基站',
      ...rows.map((row) => row.join(',')),
    ].join('\r\n');
    const bytes = iconv.encode(csv, 'gb18030');
    const file = { fileName: '话单.csv', contentBase64: base64(bytes), template: 'calls' as const };

    const preview = await c.ok('import.preview', file);
    expect(preview).toMatchObject({
      format: 'csv',
      encoding: 'gb18030',
      headerLine: 1,
      headers: ['主叫号码', '被叫号码', '通话时间', '通话时长', '基站'],
      mapping: { caller: 0, callee: 1, startedAt: 2, duration: 3, baseStation: 4 },
      rowCount: rows.length,
      validCount: rows.length,
      problemCount: 0,
    });
    // The first row read as it will be stored: China time 08:00 is 00:00 UTC.
    expect(preview.sample[0]).toEqual({
      caller: rows[0]![0],
      callee: rows[0]![1],
      startedAt: '2026-03-01T00:00:00.000Z',
      kind: 'call',
      durationSeconds: '5',
      baseStation: 'LAC0',
      farType: 'mobile',
    });

    // What the file says, counted here independently of the importer.
    const pairs = new Map<string, { count: number; seconds: number }>();
    for (const [caller, callee, , seconds] of rows) {
      const pair = pairs.get(`${caller}>${callee}`) ?? { count: 0, seconds: 0 };
      pair.count += 1;
      pair.seconds += Number(seconds);
      pairs.set(`${caller}>${callee}`, pair);
    }
    const phones = new Set(rows.flatMap(([caller, callee]) => [caller, callee]));

    const summary = await c.ok('import.commit', { ...file, importId: 'imp-calls-1' });
    expect(summary).toMatchObject({
      template: 'calls',
      rows: rows.length,
      entitiesCreated: phones.size,
      entitiesMatched: 0,
      relationsCreated: pairs.size,
      relationsUpdated: 0,
    });
    expect(phones.size).toBe(40);
    expect([rows.length, pairs.size]).toEqual([10_000, 1_560]);

    const [caller, callee] = rows[0]!;
    const found = await c.ok('search.query', { text: caller! });
    const callerId = found.groups.flatMap((group) => group.hits)[0]!.id;
    const detail = await c.ok('entities.get', { id: callerId });
    const relation = detail.relations.find(
      (item) => item.type === 'calls' && item.fromEntityId === callerId && item.toLabel === callee,
    )!;
    const expected = pairs.get(`${caller}>${callee}`)!;
    expect([relation.eventCount, relation.durationSeconds]).toEqual([
      expected.count,
      expected.seconds,
    ]);
    const records = await c.ok('import.records', { relationId: relation.id, pageSize: 500 });
    expect(records.kind).toBe('calls');
    expect(records.total).toBe(expected.count);
    expect(records.rows.reduce((sum, row) => sum + row.durationSeconds!, 0)).toBe(expected.seconds);
    expect(records.rows[0]).toEqual({
      at: '2026-03-01T00:00:00.000Z',
      recordKind: 'call',
      durationSeconds: 5,
      amountFen: null,
      detail: 'LAC0',
      copy: false,
      offsetLine: null,
      offsetFile: null,
      unmatchedReversal: false,
      attempt: false,
      trace: null,
      // Provenance: the import, the file's name and SHA-256, who imported it, and the line.
      source: {
        importId: 'imp-calls-1',
        fileName: '话单.csv',
        sha256: createHash('sha256').update(bytes).digest('hex'),
        template: 'calls',
        importedAt: expect.any(String),
        importedBy: 'admin',
        line: 2,
      },
    });
    expect(relation.startedOn).toBe('2026-03-01');
    // Imported phones are in the search index like phones entered by hand: by the last digits.
    const byDigits = await c.ok('search.query', { text: callee!.slice(-6) });
    expect(
      byDigits.groups.flatMap((group) => group.hits.map((hit) => [group.type, hit.title])),
    ).toContainEqual(['phone', callee]);

    // The same bytes again are refused: every call would count twice.
    const twice = await c.call('import.commit', { ...file, importId: 'imp-calls-dup' });
    expect(twice).toMatchObject({
      ok: false,
      error: {
        code: 'import.duplicateFile',
        details: { fileName: '话单.csv', at: '2026-11-23 16:00' },
      },
    });
    // Another file of these rows (a list exported again, one more line break) adds to the same
    // relations, not new ones.
    const again = await c.ok('import.commit', {
      ...file,
      contentBase64: base64(iconv.encode(`${csv}\r\n`, 'gb18030')),
      importId: 'imp-calls-2',
    });
    expect([
      again.entitiesCreated,
      again.entitiesMatched,
      again.relationsCreated,
      again.relationsUpdated,
    ]).toEqual([0, 40, 0, 1_560]);
    const audit = await c.ok('audit.list', { action: 'import.completed' });
    expect(audit.rows.map((row) => row.details?.['importId'])).toEqual([
      'imp-calls-2',
      'imp-calls-1',
    ]);
  }, 60_000);

  it('a file with bad rows writes nothing and names each bad row', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const csv = [
      '本机号码,对方号码,开始时间,时长',
      '13912345678,13887654321,2026-03-05 14:23:11,00:03:25',
      '13912345678,1391234567,2026-03-05 14:30:00,60',
      '13912345678,13887654321,2026-02-30 09:00:00,60',
      '13912345678,13887654321,2026/3/6 9:00,3分25秒',
      '13912345678,13887654321,2026-03-07 10:00:00,-5',
      '13912345678,13912345678,2026-03-07 10:00:00,5',
    ].join('\n');
    const file = {
      fileName: 'bad.csv',
      contentBase64: base64(csv),
      template: 'calls' as const,
      direction: 'out' as const,
    };
    const preview = await c.ok('import.preview', file);
    expect(preview.encoding).toBe('utf8');
    expect([preview.rowCount, preview.validCount, preview.problemCount]).toEqual([6, 2, 4]);
    expect(preview.problems).toEqual([
      { line: 3, field: 'counterpart', problem: 'phone', value: '1391234567' },
      { line: 4, field: 'startedAt', problem: 'dateTime', value: '2026-02-30 09:00:00' },
      { line: 6, field: 'duration', problem: 'duration', value: '-5' },
      { line: 7, field: 'counterpart', problem: 'sameEnds', value: '13912345678' },
    ]);
    const before = await counts();
    const result = await c.call('import.commit', { ...file, importId: 'imp-bad' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'import.invalidRows', details: { count: 4 } },
    });
    const after = await counts();
    expect([after.entities, after.relations]).toEqual([before.entities, before.relations]);

    const broken = await c.call('import.preview', {
      ...file,
      contentBase64: base64('主叫号码,被叫号码\n"13912345678,139'),
    });
    // The line the stray quote opens on is named.
    expect(broken).toMatchObject({
      ok: false,
      error: { code: 'import.unclosedQuote', details: { line: 2 } },
    });
    const unmapped = await c.call('import.preview', {
      ...file,
      contentBase64: base64('号码,时间\n1,2'),
    });
    expect(unmapped).toMatchObject({
      ok: false,
      error: {
        code: 'import.missingColumns',
        details: { template: 'calls', fields: ['ownNumber', 'counterpart'] },
      },
    });
    // A picture's bytes, or a letter of one line: no table, said as such (not as columns to map).
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48,
    ]);
    for (const content of [
      png.toString('base64'),
      base64('情况说明\n我于四月一日接到电话，对方要求…\n'),
    ]) {
      const notTable = await c.call('import.preview', { ...file, contentBase64: content });
      expect(notTable).toMatchObject({ ok: false, error: { code: 'import.notTable' } });
    }
  });

  it('a case that does not exist, or an import ID used already, is refused in words and writes nothing', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const csv = (seconds: number) =>
      `本机号码,对方号码,开始时间,时长\n13912345678,13887654321,2026-03-05 14:23:11,${seconds}\n`;
    const file = {
      fileName: '话单.csv',
      contentBase64: base64(csv(60)),
      template: 'calls' as const,
      direction: 'out' as const,
    };
    const before = await counts();
    expect(
      await c.call('import.commit', { ...file, importId: 'imp-no-case', caseId: 'no-such-case' }),
    ).toMatchObject({ ok: false, error: { code: 'cases.notFound' } });
    expect(await counts()).toEqual(before);

    await c.ok('import.commit', { ...file, importId: 'imp-once' });
    const imported = await counts();
    // Other bytes, so that it is the ID that is refused, not the file as imported before.
    expect(
      await c.call('import.commit', {
        ...file,
        contentBase64: base64(csv(61)),
        importId: 'imp-once',
      }),
    ).toMatchObject({ ok: false, error: { code: 'import.idUsed' } });
    expect(await counts()).toEqual(imported);
    expect((await c.ok('import.list', {})).map((row) => [row.id, row.rowCount])).toEqual([
      ['imp-once', 1],
    ]);
  });

  it('cancel in the middle of an import leaves the database as it was', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const csv = [
      '主叫号码,被叫号码,通话时间,通话时长',
      ...callRows(100_000).map((row) => row.slice(0, 4).join(',')),
    ].join('\n');
    const file = { fileName: 'big.csv', contentBase64: base64(csv), template: 'calls' as const };
    const before = await counts();
    const pending = c.call('import.commit', { ...file, importId: 'imp-cancel' });
    const progressed = () =>
      c.events.some(
        (item) => item.event === 'import.progressed' && (item.payload as { done: number }).done > 0,
      );
    while (!progressed()) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await c.ok('import.cancel', { importId: 'imp-cancel' })).toEqual({ ok: true });
    expect(await pending).toMatchObject({ ok: false, error: { code: 'import.cancelled' } });
    const after = await counts();
    expect([after.entities, after.relations]).toEqual([before.entities, before.relations]);
    const cancelled = await c.ok('audit.list', { action: 'import.cancelled' });
    expect(cancelled.rows.map((row) => row.details?.['importId'])).toEqual(['imp-cancel']);
  }, 60_000);

  it('an Excel file with merged header cells and dates as serial numbers', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('流水');
    sheet.addRow(['某银行账户交易明细']);
    sheet.mergeCells('A1:E1');
    sheet.addRow(['账户信息', null, '交易信息']);
    sheet.mergeCells('A2:B2');
    sheet.mergeCells('C2:E2');
    sheet.addRow(['交易账号', '对手账号', '交易时间', '交易金额', '交易渠道', '借贷标志']);
    sheet.addRow(['6228480398271645312', '6217001540009283746', 46096.5, 12500, '网银转账', '借']);
    sheet.addRow([
      '6228480398271645312',
      '6217001540009283746',
      46097.25,
      '7,500.50',
      '网银转账',
      '借',
    ]);
    sheet.addRow([
      '6228480398271645312',
      'lh1983@alipay',
      new Date(Date.UTC(2026, 2, 16, 9, 30)),
      800,
      '支付宝',
      '借',
    ]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const file = {
      fileName: '流水.xlsx',
      contentBase64: base64(bytes),
      template: 'transactions' as const,
    };

    const preview = await c.ok('import.preview', file);
    expect(preview).toMatchObject({
      format: 'xlsx',
      headerLine: 3,
      headers: ['交易账号', '对手账号', '交易时间', '交易金额', '交易渠道', '借贷标志'],
      rowCount: 3,
      problemCount: 0,
    });
    expect(preview.sample.map((row) => [row['at'], row['amountFen']])).toEqual([
      ['2026-03-15T04:00:00.000Z', '1250000'],
      ['2026-03-15T22:00:00.000Z', '750050'],
      ['2026-03-16T01:30:00.000Z', '80000'],
    ]);
    const summary = await c.ok('import.commit', { ...file, importId: 'imp-xlsx' });
    expect(summary).toMatchObject({ rows: 3, entitiesCreated: 3, relationsCreated: 2 });
    const found = await c.ok('search.query', { text: '6228480398271645312' });
    const detail = await c.ok('entities.get', {
      id: found.groups.flatMap((group) => group.hits)[0]!.id,
    });
    expect(
      detail.relations
        .filter((relation) => relation.type === 'finances')
        .map((relation) => [
          relation.toLabel,
          relation.eventCount,
          relation.amountFen,
          relation.startedOn,
          relation.endedOn,
        ])
        .sort(),
    ).toEqual([
      [expect.stringContaining('6217001540009283746'), 2, 2_000_050, '2026-03-15', '2026-03-16'],
      [expect.stringContaining('lh1983@alipay'), 1, 80_000, '2026-03-16', '2026-03-16'],
    ]);
  });

  it('persons: an ID number already known is matched, not duplicated; a bad ID number is named', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const known = idNumber('33010219850614285');
    const existing = await c.ok('entities.create', {
      entity: { kind: 'person', name: '张某龙', idNumber: known },
    });
    const csv = [
      '姓名,身份证号,户籍地,手机号,绰号',
      `张某龙,${known},浙江省滨江市,13912345678,龙哥`,
      `李某,${idNumber('53010219830927137')},云南省昆明市,,小李、阿李`,
    ].join('\n');
    const file = { fileName: '人员.csv', contentBase64: base64(csv), template: 'persons' as const };
    const summary = await c.ok('import.commit', { ...file, importId: 'imp-persons' });
    expect(summary).toMatchObject({
      rows: 2,
      entitiesCreated: 2,
      entitiesMatched: 1,
      relationsCreated: 1,
    });
    const persons = await c.ok('entities.list', { kinds: ['person'] });
    expect(persons.rows.map((row) => row.label).sort()).toEqual(['张某龙', '李某']);
    const detail = await c.ok('entities.get', { id: existing.id });
    expect(detail.relations.map((relation) => [relation.type, relation.toLabel])).toEqual([
      ['uses', '13912345678'],
    ]);

    const bad = await c.ok('import.preview', {
      ...file,
      contentBase64: base64(`姓名,身份证号\n王某,${known.slice(0, 17)}0`),
    });
    expect(bad.problems).toEqual([
      { line: 2, field: 'idNumber', problem: 'idNumber', value: `${known.slice(0, 17)}0` },
    ]);
  });
});

describe('a carrier’s 用户资料 (subscriber records)', () => {
  it('the person is the 机主 of the number registered to them, unless it has one recorded', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const recorded = await c.ok('entities.create', { entity: { kind: 'person', name: '赵某' } });
    await c.ok('entities.create', {
      entity: { kind: 'phone', number: '13700001111', ownerEntityId: recorded.id },
    });
    const csv = [
      '用户号码,机主姓名,证件号码,入网时间,装机地址',
      `13912345678,张某龙,${idNumber('33010219850614285')},2019-03-01,浙江省滨江市某路1号`,
      `13700001111,钱某,${idNumber('53010219830927137')},2020-05-01,`,
      '1390000,孙某,,2021-01-01,',
    ].join('\n');
    const file = {
      fileName: '用户资料.csv',
      contentBase64: base64(csv),
      template: 'persons' as const,
    };
    const preview = await c.ok('import.preview', file);
    expect(preview.mapping).toMatchObject({ ownedPhone: 0, name: 1, idNumber: 2, address: 4 });
    expect(preview.problems).toEqual([
      { line: 4, field: 'ownedPhone', problem: 'phone', value: '1390000' },
    ]);
    const summary = await c.ok('import.commit', {
      ...file,
      importId: 'imp-owners',
      skipInvalid: true,
    });
    expect(summary).toMatchObject({
      rows: 2,
      entitiesCreated: 3,
      entitiesMatched: 1,
      relationsCreated: 1,
    });
    const owner = async (number: string) => {
      const [phone] = (await c.ok('entities.list', { kinds: ['phone'], text: number })).rows;
      return (await c.ok('entities.get', { id: phone!.id })).owner?.label;
    };
    expect([await owner('13912345678'), await owner('13700001111')]).toEqual(['张某龙', '赵某']);
    await c.ok('import.delete', { importId: 'imp-owners' });
    expect(await owner('13700001111')).toBe('赵某');
    expect((await c.ok('entities.list', { kinds: ['phone'], text: '13912345678' })).rows).toEqual(
      [],
    );
  });
});

describe('saved column mappings', () => {
  it('are kept by name, only with the template’s fields, sorted, and replaced by the same name', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    expect(await c.ok('import.mappings.list', {})).toEqual([]);
    await c.ok('import.mappings.save', {
      name: '移动话单',
      template: 'calls',
      columns: { caller: '本机号码', callee: '对方号码', bogus: 'x' },
    });
    await c.ok('import.mappings.save', {
      name: '工行流水',
      template: 'transactions',
      columns: { fromAccount: '交易账号' },
    });
    const saved = await c.ok('import.mappings.save', {
      name: '移动话单',
      template: 'calls',
      columns: { caller: '主叫' },
    });
    expect(saved).toEqual([
      { name: '工行流水', template: 'transactions', columns: { fromAccount: '交易账号' } },
      { name: '移动话单', template: 'calls', columns: { caller: '主叫' } },
    ]);
    expect(await c.ok('import.mappings.list', {})).toEqual(saved);
    expect((await c.ok('audit.list', { action: 'import.mappingSaved' })).rows).toHaveLength(3);
  });
});
