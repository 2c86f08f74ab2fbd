import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { phoneNumberType } from '../../electron/api/domain/identifiers';
import { computeCheckCharacter } from '../../electron/api/domain/resident-id';
import { readCsvRows } from '../../electron/core/io/csv-rows';
import { readTableSource } from '../../electron/core/io/table-file';
import { tableLimits } from '../../electron/core/io/table-parse';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';
import { setAsideRows } from '../helpers/set-aside-rows';

/**
 * Call and bank records in the shapes carriers, banks, Alipay and WeChat send them
 * (tests/fixtures/records): direction, every kind of far-end number, split date and time,
 * preambles, the valid rows imported and the others handed back, provenance and deletion.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const fixtures = path.join(import.meta.dirname, '../fixtures/records');
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name));
const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

async function entityId(text: string): Promise<string> {
  const found = await c.ok('search.query', { text });
  return found.groups.flatMap((group) => group.hits)[0]!.id;
}

/** The entity's relations of one type as `from>to: [count, duration or amount]`, sorted. */
async function relationsOf(id: string, type: string) {
  const detail = await c.ok('entities.get', { id });
  return detail.relations
    .filter((relation) => relation.type === type)
    .map(
      (relation) =>
        `${relation.fromLabel}>${relation.toLabel}: ${relation.eventCount} ${type === 'calls' ? relation.durationSeconds : relation.amountFen}`,
    )
    .sort();
}

const target = '13987654321';
const cdr = {
  fileName: '13987654321话单.csv',
  contentBase64: base64(fixture('carrier-cdr.csv')),
  template: 'calls' as const,
};

/** The fixture's calls per directed pair, with their seconds. */
const cdrCalls = [
  '13987654321>+8562055551234: 1 40',
  '+959123456789>13987654321: 1 120',
  '06912123456>13987654321: 1 10',
  '10086>13987654321: 1 30',
  '1069012345678901>13987654321: 0 0',
  '13812345678>13987654321: 1 125',
  '13987654321>+959123456789: 1 300',
  '13987654321>087165123456: 1 20',
  '13987654321>12345: 1 15',
  '13987654321>13812345678: 2 155',
  '13987654321>4008123123: 1 60',
  '13987654321>95555: 1 45',
].sort();

describe('carrier call records (话单)', () => {
  it('主叫/被叫/呼转/SMS rows point the right way; every far-end number typed; bad rows set aside', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const preview = await c.ok('import.preview', cdr);
    // The direction column and the base station, IMEI, IMSI and area columns are recognised.
    expect(preview.mapping).toEqual({
      ownNumber: 1,
      counterpart: 2,
      callType: 3,
      startedAt: 4,
      duration: 5,
      lac: 6,
      ci: 7,
      imei: 8,
      imsi: 9,
      counterpartArea: 10,
    });
    expect([preview.rowCount, preview.validCount, preview.rejectedCount]).toEqual([18, 16, 2]);
    // 未知 is no one's number: its call is kept on the target's phone (withheldNumbers).
    expect(preview.problems).toEqual([
      { line: 18, field: 'callType', problem: 'callType', value: '视频' },
      { line: 19, field: 'startedAt', problem: 'dateTime', value: '2026-13-01 16:00:00' },
    ]);

    // All or nothing still refuses the file…
    expect(await c.call('import.commit', { ...cdr, importId: 'imp-cdr-all' })).toMatchObject({
      ok: false,
      error: { code: 'import.invalidRows', details: { count: 2 } },
    });
    // …"import the valid rows" writes them and hands back the others.
    const summary = await c.ok('import.commit', { ...cdr, importId: 'imp-cdr', skipInvalid: true });
    expect(summary).toMatchObject({
      rows: 16,
      rejectedRows: 2,
      entitiesCreated: 11,
      withheldNumbers: 1,
    });
    expect(summary.rejectedFile!.fileName).toBe('13987654321话单.rejected.csv');
    expect(Buffer.from(summary.rejectedFile!.contentBase64, 'base64').toString('utf8')).toBe(
      '\ufeff序号,本机号码,对方号码,呼叫类型,开始时间,通话时长,LAC,CI,IMEI,IMSI,对方归属地,原行号,原因\r\n' +
        '17,13987654321,13812345678,视频,2026-04-03 15:00:00,10,25301,10231,861234567890123,460001234567890,广东广州,18,呼叫类型：呼叫类型无法识别（应为 主叫/被叫/呼转/短信发/短信收 等）；代码（01、02）请在表头上方加一行说明，如“呼叫类型：01-主叫，02-被叫”\r\n' +
        '18,13987654321,13812345678,主叫,2026-13-01 16:00:00,60,25301,10231,861234567890123,460001234567890,广东广州,19,开始时间：时间无法识别或不存在\r\n',
    );
    const audit = await c.ok('audit.list', { action: 'import.completed' });
    expect(audit.rows[0]!.details).toMatchObject({ rows: 16, rejectedRows: 2 });

    // Calls and their seconds per directed pair: 主叫 and 呼转 out, 被叫 in; texts apart.
    const targetId = await entityId(target);
    expect(await relationsOf(targetId, 'calls')).toEqual(cdrCalls);
    const detail = await c.ok('entities.get', { id: targetId });
    const relation = (from: string, to: string) =>
      detail.relations.find(
        (item) => item.type === 'calls' && item.fromLabel === from && item.toLabel === to,
      )!;
    const out = await c.ok('import.records', { relationId: relation(target, '13812345678').id });
    expect(out.counts).toEqual({ calls: 2, messages: 1, copies: 0 });
    expect(out.rows.map((row) => [row.recordKind, row.durationSeconds, row.source.line])).toEqual([
      ['call', 65, 2],
      ['forwarded', 90, 4],
      ['sms', 0, 5],
    ]);
    const back = await c.ok('import.records', { relationId: relation('13812345678', target).id });
    expect(back.counts).toEqual({ calls: 1, messages: 1, copies: 0 });
    const gateway = await c.ok('import.records', {
      relationId: relation('1069012345678901', target).id,
    });
    expect(gateway.counts).toEqual({ calls: 0, messages: 1, copies: 0 });

    // Every far-end number is a phone entity, normalised and typed.
    const phones = await c.ok('entities.list', { kinds: ['phone'] });
    expect(phones.rows.map((row) => `${row.label} ${phoneNumberType(row.label)}`).sort()).toEqual([
      '+8562055551234 international',
      '+959123456789 international',
      '06912123456 landline',
      '087165123456 landline',
      '10086 service',
      '1069012345678901 smsGateway',
      '12345 service',
      '13812345678 mobile',
      '13987654321 mobile',
      '4008123123 hotline',
      '95555 service',
    ]);
  });

  it('the same 话单 as tab-separated GBK TXT, as Excel\'s Unicode text (UTF-16), with ="…" text cells reads the same', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const csv = await c.ok('import.preview', cdr);
    // The fixture has no quoted cells: its commas are its separators.
    const tabbed = fixture('carrier-cdr.csv').toString('utf8').replaceAll(',', '\t');
    const variants = [
      {
        fileName: '13987654321话单.txt',
        bytes: iconv.encode(tabbed, 'gb18030'),
        encoding: 'gb18030',
        // Its rejected rows go back with its separator: a tab-separated file's as .txt.
        rejectedAs: 'txt',
      },
      {
        fileName: '13987654321话单.txt',
        bytes: Buffer.from(`\ufeff${tabbed}`, 'utf16le'),
        encoding: 'utf16le',
        rejectedAs: 'txt',
      },
      {
        fileName: '13987654321话单.txt',
        bytes: Buffer.from(tabbed, 'utf16le').swap16(),
        encoding: 'utf16be',
        rejectedAs: 'txt',
      },
      {
        fileName: '13987654321话单.txt',
        bytes: Buffer.from(tabbed.replaceAll('\t', '|')),
        encoding: 'utf8',
        rejectedAs: 'csv',
      },
      {
        fileName: '13987654321话单.csv',
        // The own number written for Excel to keep as text, as some exporters do.
        bytes: Buffer.from(
          fixture('carrier-cdr.csv')
            .toString('utf8')
            .replace(/^(\d+),13987654321,/gm, '$1,="13987654321",'),
        ),
        encoding: 'utf8',
        rejectedAs: 'csv',
      },
    ];
    for (const variant of variants) {
      const input = { ...cdr, fileName: variant.fileName, contentBase64: base64(variant.bytes) };
      expect(await c.ok('import.preview', input)).toEqual({
        ...csv,
        encoding: variant.encoding,
        rejectedFileName: `13987654321话单.rejected.${variant.rejectedAs}`,
      });
    }
    const input = {
      ...cdr,
      fileName: variants[1]!.fileName,
      contentBase64: base64(variants[1]!.bytes),
    };
    const summary = await c.ok('import.commit', {
      ...input,
      importId: 'imp-utf16',
      skipInvalid: true,
    });
    expect(summary).toMatchObject({ rows: 16, rejectedRows: 2, entitiesCreated: 11 });
    // The rows set aside come back in the file's own shape: Unicode text (UTF-16LE with its
    // mark), tab-separated, as Excel opens it.
    const rejectedBytes = Buffer.from(summary.rejectedFile!.contentBase64, 'base64');
    const rejected = rejectedBytes.toString('utf16le');
    expect(summary.rejectedFile!.fileName).toBe('13987654321话单.rejected.txt');
    expect([...rejectedBytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(rejected.split('\r\n')[0]).toBe(
      '\ufeff序号\t本机号码\t对方号码\t呼叫类型\t开始时间\t通话时长\tLAC\tCI\tIMEI\tIMSI\t对方归属地\t原行号\t原因',
    );
    expect(rejected.split('\r\n')[1]).toBe(
      '17\t13987654321\t13812345678\t视频\t2026-04-03 15:00:00\t10\t25301\t10231\t861234567890123\t460001234567890\t广东广州\t18\t呼叫类型：呼叫类型无法识别（应为 主叫/被叫/呼转/短信发/短信收 等）；代码（01、02）请在表头上方加一行说明，如“呼叫类型：01-主叫，02-被叫”',
    );
    expect(await relationsOf(await entityId(target), 'calls')).toEqual(cdrCalls);
  });

  it('two 话单 put one after the other: the second header row is not a row of calls', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const text = fixture('carrier-cdr.csv').toString('utf8');
    const twice = await c.ok('import.preview', {
      ...cdr,
      contentBase64: base64(text.endsWith('\n') ? text + text : `${text}\n${text}`),
    });
    expect([twice.rowCount, twice.validCount, twice.rejectedCount]).toEqual([36, 32, 4]);
    expect(twice.problems.map((problem) => problem.line)).toEqual([18, 19, 37, 38]);
  });

  it('a 话单 of one number (电信 style): number in the title, 本地主叫/长途被叫, a service column, its data session kept apart from the calls', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const file = {
      fileName: '电信详单.csv',
      contentBase64: base64(fixture('telecom-cdr.csv')),
      template: 'calls' as const,
    };
    const preview = await c.ok('import.preview', file);
    // 通信方式 holds the directions, 业务类型 the service; 通信类型 (本地/长途) is neither.
    expect(preview.mapping).toEqual({
      counterpart: 3,
      callType: 2,
      service: 6,
      startedAt: 1,
      duration: 4,
      lac: 8,
      ci: 9,
      roamingArea: 7,
    });
    expect(preview.owner).toBe(target);
    expect([preview.encoding, preview.headerLine, preview.rowCount, preview.rejectedCount]).toEqual(
      ['gb18030', 3, 8, 0],
    );
    expect(preview.problems).toEqual([]);
    const summary = await c.ok('import.commit', { ...file, importId: 'imp-telecom' });
    expect(summary).toMatchObject({ rows: 8, rejectedRows: 0, dataSessions: 1 });
    const targetId = await entityId(target);
    expect(
      c.router.sessions
        .current()!
        .sqlite.prepare(
          'SELECT phone_id, started_unix, duration_seconds, base_station, line FROM data_sessions',
        )
        .all(),
    ).toEqual([
      {
        phone_id: targetId,
        started_unix: Date.parse('2026-04-01T06:00:00Z') / 1000,
        duration_seconds: 0,
        base_station: '25301-10231',
        line: 10,
      },
    ]);
    expect(await relationsOf(targetId, 'calls')).toEqual(
      [
        '087165123456>13987654321: 1 45',
        '10086>13987654321: 0 0',
        '13812345678>13987654321: 1 125',
        '13987654321>+959123456789: 1 30',
        '13987654321>13812345678: 2 85',
      ].sort(),
    );
    const detail = await c.ok('entities.get', { id: targetId });
    const toContact = detail.relations.find(
      (item) => item.type === 'calls' && item.toLabel === '13812345678',
    )!;
    const records = await c.ok('import.records', { relationId: toContact.id });
    expect(
      records.rows.map((row) => [row.recordKind, row.durationSeconds, row.source.line]),
    ).toEqual([
      ['call', 65, 4],
      ['sms', 0, 6],
      ['forwarded', 20, 9],
    ]);
  });

  it('a call type under a service name is found by its values; the own number typed when the file has none', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const file = {
      fileName: 'calls.csv',
      contentBase64: base64(
        '对方号码,业务类型,开始时间,时长\n13812345678,主叫,2026-04-02 08:00:00,10\n13812345678,被叫,2026-04-02 09:00:00,20\n',
      ),
      template: 'calls' as const,
    };
    expect(await c.call('import.preview', file)).toMatchObject({
      ok: false,
      error: { code: 'import.missingColumns', details: { fields: ['ownNumber'] } },
    });
    expect(await c.call('import.preview', { ...file, ownNumber: '139 八七' })).toMatchObject({
      ok: false,
      error: { code: 'import.ownNumberInvalid', details: { number: '139 八七' } },
    });
    const preview = await c.ok('import.preview', { ...file, ownNumber: '+86 139 8765 4321' });
    expect(preview.mapping).toEqual({ counterpart: 0, callType: 1, startedAt: 2, duration: 3 });
    expect(preview.owner).toBe('13987654321');
    // Codes no one can read under a service name are named row by row, not taken as 主叫.
    const coded = await c.ok('import.preview', {
      ...file,
      contentBase64: base64(
        '本机号码,对方号码,业务类型,开始时间,时长\n13987654321,13812345678,0,2026-04-02 08:00:00,10\n13987654321,13812345678,1,2026-04-02 09:00:00,20\n',
      ),
    });
    expect([coded.mapping['callType'], coded.mapping['service'], coded.rejectedCount]).toEqual([
      2,
      undefined,
      2,
    ]);
    // Words that are no direction stay a service; 主叫号码/被叫号码 give the direction.
    const local = await c.ok('import.preview', {
      ...file,
      contentBase64: base64(
        '主叫号码,被叫号码,通信类型,开始时间,时长\n13987654321,13812345678,本地,2026-04-02 08:00:00,10\n13812345678,13987654321,国内长途,2026-04-02 09:00:00,20\n',
      ),
    });
    expect([local.mapping['callType'], local.mapping['service'], local.rejectedCount]).toEqual([
      undefined,
      2,
      0,
    ]);
    await c.ok('import.commit', { ...file, ownNumber: '+86 139 8765 4321', importId: 'imp-typed' });
    expect(await relationsOf(await entityId(target), 'calls')).toEqual([
      '13812345678>13987654321: 1 20',
      '13987654321>13812345678: 1 10',
    ]);
  });

  it('the rejected-rows file never hands Excel a formula, and reads back as the file was', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const csv = [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长,@备注',
      '13987654321,13812345678,主叫,2026-04-01 08:00:00,65,',
      '13987654321,"=HYPERLINK(""http://x"",""点击"")",主叫,2026-04-01 09:00:00,10,',
      '13987654321,@SUM(1),主叫,2026-04-01 10:00:00,-2+3,',
      '13987654321,+959123456789,被叫,2026-04-01 11:00:00,-5,',
    ].join('\n');
    const summary = await c.ok('import.commit', {
      fileName: 'x.csv',
      contentBase64: base64(csv),
      template: 'calls',
      importId: 'imp-formulas',
      skipInvalid: true,
    });
    const rejected = Buffer.from(summary.rejectedFile!.contentBase64, 'base64').toString('utf8');
    expect(rejected.split('\r\n')[0]).toBe(
      "\ufeff本机号码,对方号码,呼叫类型,开始时间,通话时长,'@备注,原行号,原因",
    );
    expect(rejected.split('\r\n').slice(1)).toEqual([
      '13987654321,"\'=HYPERLINK(""http://x"",""点击"")",主叫,2026-04-01 09:00:00,10,,3,对方号码：号码格式不正确',
      "13987654321,'@SUM(1),主叫,2026-04-01 10:00:00,'-2+3,,4,对方号码：号码格式不正确；通话时长：时长格式不正确",
      "13987654321,'+959123456789,被叫,2026-04-01 11:00:00,-5,,5,通话时长：时长格式不正确",
      '',
    ]);
    // Read again, the cells are what the carrier's file held.
    const again = await c.ok('import.preview', {
      fileName: 'x.rejected.csv',
      contentBase64: summary.rejectedFile!.contentBase64,
      template: 'calls',
    });
    expect(again.problems.map((problem) => problem.value)).toEqual([
      '=HYPERLINK("http://x","点击")',
      '@SUM(1)',
      '-2+3',
      '-5',
    ]);
  });

  it('an IMEI seen with two SIMs links the two phones', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await c.ok('import.commit', { ...cdr, importId: 'imp-cdr', skipInvalid: true });
    // The second SIM's list: split date and time columns, the IMEI printed with 16 digits.
    const second = await c.ok('import.commit', {
      fileName: '13600001111话单.csv',
      contentBase64: base64(fixture('second-sim-cdr.csv')),
      template: 'calls',
      importId: 'imp-second',
    });
    expect(second).toMatchObject({ rows: 2, rejectedRows: 0, rejectedFile: null });
    const first = await entityId(target);
    const other = await entityId('13600001111');
    // 同一手机: its own type, not 其他 (other), so the chart and the drill-down name it.
    const links = (await c.ok('entities.get', { id: first })).relations.filter(
      (relation) => relation.type === 'same_handset' || relation.type === 'other',
    );
    expect(
      links.map((link) => [link.type, ...[link.fromEntityId, link.toEntityId].sort(), link.source]),
    ).toEqual([['same_handset', ...[first, other].sort(), 'IMEI 86123456789012']]);
    // The IMEI in any of its forms (14 digits, 15 with its check digit, 16 of an IMEISV) finds
    // both phones; the IMSI the one whose lists show it.
    const found = async (text: string) =>
      (await c.ok('search.query', { text })).groups
        .flatMap((group) => group.hits)
        .map((hit) => [hit.id, hit.matchedBy].join(' '))
        .sort();
    for (const imei of [
      '86123456789012',
      '861234567890123',
      '8612345678901234',
      '86-123456-789012-3',
    ])
      expect(await found(imei)).toEqual([`${first} identifier`, `${other} identifier`].sort());
    expect(await found('460001234567890')).toEqual([`${first} identifier`]);
    const identifiers = await c.ok('import.phoneIdentifiers', { phoneId: first });
    expect(identifiers.filter((item) => item.type !== 'cell')).toEqual([
      {
        type: 'imei',
        value: '86123456789012',
        seenCount: 16,
        firstSeen: '2026-04-01T00:00:00.000Z',
        lastSeen: '2026-04-03T06:00:00.000Z',
        sharedWith: [{ id: other, label: '13600001111' }],
      },
      {
        type: 'imsi',
        value: '460001234567890',
        seenCount: 16,
        firstSeen: '2026-04-01T00:00:00.000Z',
        lastSeen: '2026-04-03T06:00:00.000Z',
        sharedWith: [],
      },
    ]);
    // Base stations as LAC-CI, most seen first.
    expect(
      identifiers
        .filter((item) => item.type === 'cell')
        .map((item) => [item.value, item.seenCount]),
    ).toEqual([
      ['25301-10231', 10],
      ['25301-10232', 3],
      ['25302-20001', 3],
    ]);
    expect(await relationsOf(other, 'calls')).toEqual([
      '13600001111>13812345678: 1 12',
      '13812345678>13600001111: 1 8',
    ]);
    const records = await c.ok('import.records', {
      relationId: (await c.ok('entities.get', { id: other })).relations.find(
        (relation) => relation.type === 'calls' && relation.fromLabel === '13600001111',
      )!.id,
    });
    expect(records.rows.map((row) => row.at)).toEqual(['2026-04-10T00:30:00.000Z']);
  });

  it('the phone form records a foreign supplier number, as the import does', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const created = await c.ok('entities.create', {
      entity: { kind: 'phone', number: '+95 9 123 456 789' },
    });
    expect((await c.ok('entities.get', { id: created.id })).label).toBe('+959123456789');
    await c.ok('import.commit', { ...cdr, importId: 'imp-cdr', skipInvalid: true });
    // The import finds the same entity for 00959123456789 and +95 9 123 456 789.
    expect(await relationsOf(created.id, 'calls')).toEqual([
      '+959123456789>13987654321: 1 120',
      '13987654321>+959123456789: 1 300',
    ]);
  });

  it('a header the templates do not know is mapped by its text', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const file = {
      fileName: 'x.csv',
      contentBase64: base64(
        '甲号码,乙号码,时刻,秒数\n13987654321,+84912345678,2026-04-01 08:00:00,5\n',
      ),
      template: 'calls' as const,
    };
    expect(await c.call('import.preview', file)).toMatchObject({
      ok: false,
      error: { code: 'import.missingColumns' },
    });
    const preview = await c.ok('import.preview', {
      ...file,
      headerMap: { 甲号码: 'caller', 乙号码: 'callee', 时刻: 'startedAt', 秒数: 'duration' },
    });
    expect(preview.sample).toEqual([
      {
        caller: '13987654321',
        callee: '+84912345678',
        kind: 'call',
        startedAt: '2026-04-01T00:00:00.000Z',
        durationSeconds: '5',
        farType: 'international',
      },
    ]);
    expect(
      await c.call('import.preview', { ...file, headerMap: { 丙号码: 'caller' } }),
    ).toMatchObject({ ok: false, error: { code: 'import.unknownHeader' } });
  });
});

describe('bank statements (流水) and payment bills', () => {
  it('借贷标志, split date and time, thousands separators, full-width digits, ATM rows', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const file = {
      fileName: '农行流水.csv',
      contentBase64: base64(fixture('bank-statement.csv')),
      template: 'transactions' as const,
    };
    const preview = await c.ok('import.preview', file);
    expect([preview.encoding, preview.headerLine, preview.rowCount, preview.rejectedCount]).toEqual(
      ['gb18030', 3, 7, 2],
    );
    expect(preview.problems).toEqual([
      { line: 9, field: 'amount', problem: 'amount', value: 'abc' },
      { line: 10, field: 'debitCredit', problem: 'debitCredit', value: 'X' },
    ]);
    expect(preview.sample.map((row) => [row['direction'], row['at'], row['amountFen']])).toEqual([
      ['in', '2026-04-01T09:16:47.000Z', '1250000'],
      ['out', '2026-04-02T01:05:01.000Z', '300000'],
      ['out', '2026-04-02T04:00:00.000Z', '200000'],
      ['in', '2026-04-03T00:00:00.000Z', '50000'],
      ['in', '2026-04-02T16:00:00.000Z', '100000'],
    ]);
    const summary = await c.ok('import.commit', {
      ...file,
      importId: 'imp-bank',
      skipInvalid: true,
    });
    // Three accounts; the ATM withdrawal is a record on the account, with no counterpart.
    expect(summary).toMatchObject({
      rows: 5,
      rejectedRows: 2,
      entitiesCreated: 3,
      relationsCreated: 3,
    });
    const rejected = iconv.decode(
      Buffer.from(summary.rejectedFile!.contentBase64, 'base64'),
      'gb18030',
    );
    expect(rejected.split('\r\n')).toEqual([
      '交易卡号,交易户名,交易日期,交易时间,交易金额,借贷标志,交易余额,对手账号,对手户名,对手开户行,摘要,交易渠道,原行号,原因',
      '6228480398271645312,李某,20260404,100000,abc,借,"9,100.00",6217001540009283746,王某,中国建设银行昆明分行,转账,网银,9,交易金额：金额格式不正确或不大于 0',
      '6228480398271645312,李某,20260404,100500,100,X,"9,000.00",6217001540009283746,王某,中国建设银行昆明分行,转账,网银,10,借贷标志：借贷标志无法识别（应为 借/贷、收/支、进/出 等）',
      '',
    ]);
    expect(await relationsOf(await entityId('6228480398271645312'), 'finances')).toEqual([
      '6217001540009283746>6228480398271645312: 1 1250000',
      '6228480398271645312>6217001540009283746: 1 300000',
      '6230520000000000001>6228480398271645312: 2 150000',
    ]);
    const counterpart = await c.ok('entities.get', { id: await entityId('6217001540009283746') });
    expect(counterpart.label).toBe('6217001540009283746');
    const holder = await c.ok('search.query', { text: '赵某' });
    expect(holder.groups.flatMap((group) => group.hits.map((hit) => hit.title))).toEqual([
      '6230520000000000001',
    ]);
  });

  it('a file given by its path on disk (CLI, Electron main) is read there and hashed', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const filePath = path.join(fixtures, 'bank-statement.csv');
    const summary = await c.ok('import.commit', {
      fileName: '农行流水.csv',
      filePath,
      template: 'transactions',
      importId: 'imp-path',
      skipInvalid: true,
    });
    expect([summary.rows, summary.rejectedRows]).toEqual([5, 2]);
    expect((await c.ok('import.list', {}))[0]).toMatchObject({
      id: 'imp-path',
      fileName: '农行流水.csv',
      sha256: createHash('sha256').update(fixture('bank-statement.csv')).digest('hex'),
      template: 'transactions',
      rowCount: 5,
      rejectedCount: 2,
      createdBy: 'admin',
    });
    expect(
      await c.call('import.preview', {
        fileName: 'x.csv',
        filePath,
        contentBase64: base64('a'),
        template: 'transactions',
      }),
    ).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
  });

  it('借方/贷方发生额 columns, 帐号 headers, the account only above the header (建行 style)', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const file = {
      fileName: '建行流水.csv',
      contentBase64: base64(fixture('bank-statement-split.csv')),
      template: 'transactions' as const,
    };
    const preview = await c.ok('import.preview', file);
    expect(preview.owner).toBe('6217001540009283746');
    expect(preview.mapping).toEqual({
      counterpartAccount: 6,
      counterpartName: 7,
      counterpartBank: 8,
      date: 0,
      at: 1,
      debitAmount: 3,
      creditAmount: 4,
      balance: 5,
      summary: 2,
    });
    expect([preview.rowCount, preview.rejectedCount]).toEqual([3, 0]);
    const summary = await c.ok('import.commit', { ...file, importId: 'imp-ccb' });
    expect(summary).toMatchObject({ rows: 3, entitiesCreated: 2, relationsCreated: 2 });
    expect(await relationsOf(await entityId('6217001540009283746'), 'finances')).toEqual([
      '6217001540009283746>6228480398271645312: 1 100000',
      '6228480398271645312>6217001540009283746: 1 250000',
    ]);
  });

  it('the standard 资金查询反馈 a bank returns to a police query', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const header =
      '交易卡号,交易账号,交易方户名,交易方证件号码,交易时间,交易金额,交易余额,收付标志,交易对手账卡号,现金标志,对手户名,对手身份证号,对手开户银行,摘要说明,交易币种,交易网点名称,交易场所,交易是否成功,传票号,IP地址,MAC地址,对手交易余额,交易流水号,日志号,凭证种类,凭证号,交易柜员号,备注,查询反馈结果原因';
    const row = (
      at: string,
      amount: string,
      flag: string,
      other: string,
      cash: string,
      name: string,
      ok: string,
      serial: string,
    ) =>
      `6222020200112233445,6222020200112233445,王某,530102199001011234,${at},${amount},9000.00,${flag},${other},${cash},${name},,中国农业银行,转账,人民币,昆明分行,网上银行,${ok},,,,,${serial},,,,,,`;
    const csv = [
      header,
      row('20260401101530', '1000.00', '出', '6228480398271645312', '转账', '李某', '成功', 'S1'),
      row('20260402111530', '2500.00', '进', '6228480398271645312', '转账', '李某', '成功', 'S2'),
      row('20260403121530', '500.00', '出', '', '现金', '', '成功', 'S3'),
      row('20260404131530', '50.00', '出', '6228480398271645312', '转账', '李某', '失败', 'S4'),
      // A row in dollars: its amount is not yuan.
      row(
        '20260405141530',
        '70.00',
        '出',
        '6228480398271645312',
        '转账',
        '李某',
        '成功',
        'S5',
      ).replace(',人民币,', ',美元,'),
    ].join('\n');
    const file = {
      fileName: '反馈.csv',
      contentBase64: base64(csv),
      template: 'transactions' as const,
    };
    const preview = await c.ok('import.preview', file);
    expect(preview.mapping).toMatchObject({
      account: 0,
      accountName: 2,
      at: 4,
      amount: 5,
      debitCredit: 7,
      counterpartAccount: 8,
      counterpartName: 10,
      counterpartBank: 12,
      summary: 13,
      channel: 16,
      status: 17,
      reference: 22,
      currency: 14,
    });
    // The failed transfer moved nothing: set aside, not a row to fix.
    expect(preview.problems).toEqual([
      { line: 6, field: 'currency', problem: 'currency', value: '美元' },
    ]);
    expect(setAsideRows(preview.setAside)).toEqual(['5 notCompleted']);
    await c.ok('import.commit', { ...file, importId: 'imp-feedback', skipInvalid: true });
    expect(await relationsOf(await entityId('6222020200112233445'), 'finances')).toEqual([
      '6222020200112233445>6228480398271645312: 1 100000',
      '6228480398271645312>6222020200112233445: 1 250000',
    ]);
  });

  it('the holders a bank names by document number own their accounts: people and companies, found or added', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const caseRow = await c.ok('cases.create', {
      caseNo: 'A5301-Z01',
      title: '资金穿透测试案',
      offenceType: 'trafficking',
      openedOn: '2026-04-01',
    });
    const id = (first17: string) => `${first17}${computeCheckCharacter(first17)}`;
    const wangId = id('53010219900101123');
    // 李某 is recorded already, under his 18-digit number; the bank prints the 15-digit one.
    const li = await c.ok('entities.create', {
      entity: { kind: 'person', name: '李某', idNumber: id('53290119750607101') },
    });
    // A card whose 机主 was recorded by hand keeps that owner.
    const zhao = await c.ok('entities.create', { entity: { kind: 'person', name: '赵某' } });
    await c.ok('entities.create', {
      entity: {
        kind: 'account',
        accountType: 'bank',
        accountNo: '6217000011112222333',
        ownerEntityId: zhao.id,
      },
    });
    const badCheck = `${wangId.slice(0, 17)}${wangId[17] === '1' ? '2' : '1'}`;
    const csv = [
      '交易卡号,交易方户名,交易方证件号码,交易时间,交易金额,收付标志,交易对手账卡号,对手户名,对手身份证号',
      `6222020200112233445,王某,${wangId},20260401101530,1000.00,出,6228480398271645312,李某,532901750607101`,
      `6222020200112233445,王某,${wangId},20260401111530,200.00,出,6214830011223344,云南某某贸易有限公司,914403001922038216`,
      `6222020200112233445,王某,${wangId},20260401121530,300.00,进,6230520011223344556,孙某,${badCheck}`,
      `6222020200112233445,王某,${wangId},20260401131530,400.00,出,6217000011112222333,钱某,${id('53010119800101001')}`,
      `6222020200112233445,王某,${wangId},20260401141530,500.00,出,,,`,
    ].join('\n');
    const file = {
      fileName: '反馈.csv',
      contentBase64: base64(csv),
      template: 'transactions' as const,
    };
    const preview = await c.ok('import.preview', file);
    expect(preview.mapping).toMatchObject({ accountIdNumber: 2, counterpartIdNumber: 8 });
    expect(preview.problems).toEqual([]);
    const summary = await c.ok('import.commit', {
      ...file,
      importId: 'imp-holders',
      caseId: caseRow.id,
    });
    // The card and 3 counterpart accounts, 王某 and the company added; 李某 and the card of
    // 赵某 found (钱某, whom the bank names as its holder, is not added: it has its 机主);
    // 4 transfer relations and 3 机主 relations.
    expect(summary).toMatchObject({ entitiesCreated: 6, entitiesMatched: 2, relationsCreated: 7 });
    const accounts = [
      '6222020200112233445',
      '6228480398271645312',
      '6214830011223344',
      '6230520011223344556',
      '6217000011112222333',
    ];
    const owners = async () => {
      const found: Record<string, string | null> = {};
      for (const account of accounts)
        found[account] =
          (await c.ok('entities.get', { id: await entityId(account) })).owner?.label ?? null;
      return found;
    };
    expect(await owners()).toEqual({
      '6222020200112233445': '王某',
      '6228480398271645312': '李某',
      '6214830011223344': '云南某某贸易有限公司',
      '6230520011223344556': null,
      '6217000011112222333': '赵某',
    });
    const wang = await c.ok('entities.get', { id: await entityId(wangId) });
    expect(wang.details).toMatchObject({
      name: '王某',
      idNumber: wangId,
      gender: 'male',
      birthDate: '1990-01-01',
      household: '云南省昆明市五华区',
    });
    expect(wang.cases.map((link) => link.caseId)).toEqual([caseRow.id]);
    const company = await c.ok('entities.get', { id: await entityId('云南某某贸易有限公司') });
    expect(company.details).toMatchObject({ orgType: 'company', creditCode: '914403001922038216' });
    expect((await c.ok('entities.get', { id: li.id })).relations.map((row) => row.type)).toEqual(
      expect.arrayContaining(['owns']),
    );
    // A second statement naming the same holders adds nothing: found, already owners.
    const second = await c.ok('import.commit', {
      ...file,
      fileName: '反馈2.csv',
      contentBase64: base64(csv.replace(/20260401/g, '20260402')),
      importId: 'imp-holders-2',
    });
    expect(second).toMatchObject({ entitiesCreated: 0, relationsCreated: 0 });
    // Taking the imports out takes the people, company and 机主 relations they added with
    // them; what was recorded by hand stays.
    await c.ok('import.delete', { importId: 'imp-holders-2' });
    await c.ok('import.delete', { importId: 'imp-holders' });
    expect((await c.ok('search.query', { text: '王某' })).groups).toEqual([]);
    expect((await c.ok('search.query', { text: '云南某某贸易' })).groups).toEqual([]);
    const card = await c.ok('entities.get', { id: await entityId('6217000011112222333') });
    expect(card.owner?.label).toBe('赵某');
    expect((await c.ok('entities.get', { id: li.id })).relations).toEqual([]);
  });

  it('compound and neutral debit/credit flags: 支出(已付), 转账-收入, 不计收支 said as such', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const file = {
      fileName: 'flags.csv',
      contentBase64: base64(
        '本方账号,对方账号,交易时间,金额,收/支\nA100,B200,2026-04-01 10:00,15.00,支出(已付)\nA100,B200,2026-04-01 11:00,2.00,转账-收入\nA100,C300,2026-04-01 12:00,3.00,不计收支\nA100,C300,2026-04-01 13:00,4.00,/\n',
      ),
      template: 'transactions' as const,
    };
    const preview = await c.ok('import.preview', file);
    // 不计收支 and "/": between the holder's own accounts, set aside as moving nothing.
    expect(preview.problems).toEqual([]);
    expect([preview.nothingMoved, setAsideRows(preview.setAside)]).toEqual([
      2,
      ['4 ownAccounts', '5 ownAccounts'],
    ]);
    await c.ok('import.commit', { ...file, importId: 'imp-flags' });
    expect(await relationsOf(await entityId('A100'), 'finances')).toEqual([
      'A100>B200: 1 1500',
      'B200>A100: 1 200',
    ]);
  });

  it('payment states: refunded in full, returned or unpaid set aside; a partial refund kept', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const states = [
      '支付成功',
      '已全额退款',
      '已退款(￥5.00)',
      '朋友已退还',
      '退款成功',
      '等待确认收货',
      '已退款',
      '等待付款',
    ];
    const csv = [
      '本方账号,对方账号,交易时间,金额,收/支,当前状态',
      ...states.map((state, index) => `A100,B200,2026-04-01 1${index}:00,10.00,支出,${state}`),
    ].join('\n');
    const preview = await c.ok('import.preview', {
      fileName: 'states.csv',
      contentBase64: base64(csv),
      template: 'transactions',
    });
    // 已全额退款, 朋友已退还, 退款成功, 已退款, 等待付款: no money moved, nothing to fix.
    expect(preview.problems).toEqual([]);
    expect([preview.rowCount, preview.validCount, preview.nothingMoved]).toEqual([3, 3, 5]);
    expect(setAsideRows(preview.setAside)).toEqual([
      '3 refunded',
      '5 refunded',
      '6 refunded',
      '8 refunded',
      '9 notCompleted',
    ]);
  });

  it('signed amounts without a debit/credit column', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const csv =
      '本方账号,对方账号,交易时间,交易金额\nA100,B200,2026-04-01 10:00,-1500\nA100,B200,2026-04-01 11:00,+200.5\nA100,,2026-04-01 12:00,-300\n';
    await c.ok('import.commit', {
      fileName: 's.csv',
      contentBase64: base64(csv),
      template: 'transactions',
      importId: 'imp-signed',
    });
    expect(await relationsOf(await entityId('A100'), 'finances')).toEqual([
      'A100>B200: 1 150000',
      'B200>A100: 1 20050',
    ]);
    // The sign after the amount, as some bank systems print a debit.
    await c.ok('import.commit', {
      fileName: 't.csv',
      contentBase64: base64(
        '本方账号,对方账号,交易时间,交易金额\nA300,B400,2026-04-01 10:00,"1,500.00-"\nA300,B400,2026-04-01 11:00,800.00\n',
      ),
      template: 'transactions',
      importId: 'imp-trailing',
    });
    expect(await relationsOf(await entityId('A300'), 'finances')).toEqual([
      'A300>B400: 1 150000',
      'B400>A300: 1 80000',
    ]);
  });

  it('an Alipay bill (GBK, notes above the header): owner from the notes, closed trades set aside', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const file = {
      fileName: '支付宝交易明细.csv',
      contentBase64: base64(fixture('alipay-bill.csv')),
      template: 'transactions' as const,
    };
    const preview = await c.ok('import.preview', file);
    expect([
      preview.platform,
      preview.owner,
      preview.headerLine,
      preview.rejectedCount,
      preview.nothingMoved,
      setAsideRows(preview.setAside),
    ]).toEqual(['alipay', 'lh1983@alipay.com', 16, 0, 1, ['19 notCompleted']]);
    expect(preview.sample.map((row) => [row['summary'], row['channel']])).toEqual([
      ['转账', '余额宝'],
      ['转账', undefined],
    ]);
    // The closed trade moved nothing: the bill imports as it is, no row to fix.
    const summary = await c.ok('import.commit', { ...file, importId: 'imp-alipay' });
    expect(summary).toMatchObject({ rows: 2, rejectedRows: 0, rejectedFile: null });
    // The owner the notes named heads the rejected file, so the corrected file imports again.
    const broken = iconv.encode(
      iconv
        .decode(fixture('alipay-bill.csv'), 'gb18030')
        .replace('35.50,花呗,交易关闭', '3x.50,花呗,交易成功'),
      'gb18030',
    );
    const partly = await c.ok('import.commit', {
      ...file,
      contentBase64: base64(broken),
      importId: 'imp-alipay-broken',
      skipInvalid: true,
    });
    expect(partly).toMatchObject({ rows: 2, rejectedRows: 1 });
    const rejected = iconv
      .decode(Buffer.from(partly.rejectedFile!.contentBase64, 'base64'), 'gb18030')
      .split('\r\n');
    expect(rejected[0]).toBe('账号：lh1983@alipay.com 户名：李某');
    expect(rejected[2]).toMatch(
      /^2026-04-05 12:00:00,日用百货,某超市,\/,购物,支出,3x\.50,花呗,交易成功,2026040522001400003,,,,19,/,
    );
    const again = await c.ok('import.preview', {
      fileName: 'rejected.csv',
      contentBase64: partly.rejectedFile!.contentBase64,
      template: 'transactions',
    });
    expect(again.owner).toBe('lh1983@alipay.com');
    await c.ok('import.delete', { importId: 'imp-alipay-broken' });
    expect(await relationsOf(await entityId('lh1983@alipay.com'), 'finances')).toEqual([
      // A masked counterpart account is told apart by the name beside it.
      'lh1983@alipay.com>张某（zh***@163.com）: 1 80000',
      '张某（zh***@163.com）>lh1983@alipay.com: 1 20000',
    ]);
    const accounts = await c.ok('entities.list', { kinds: ['account'] });
    expect(accounts.rows.map((row) => row.label).sort()).toEqual([
      'lh1983@alipay.com',
      '张某（zh***@163.com）',
    ]);
  });

  it("Alipay's older export, and the totals and notes under a list, are not rows", async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const bill = [
      '支付宝交易记录明细查询',
      '账号:[lh1983@alipay.com]',
      '起始日期:[2026-04-01 00:00:00]    终止日期:[2026-04-30 23:59:59]',
      '---------------------------------交易记录------------------------------------',
      '交易号,商家订单号,交易创建时间,付款时间,最近修改时间,交易来源地,类型,交易对方,商品名称,金额（元）,收/支,交易状态,服务费（元）,成功退款（元）,备注,资金状态,',
      '2026040522001400001,,2026-04-05 10:00:00,2026-04-05 10:00:01,2026-04-05 10:00:01,其他,即时到账交易,张某,转账,800.00,支出,交易成功,0.00,0.00,,已支出,',
      '2026040522001400002,,2026-04-05 11:00:00,2026-04-05 11:00:01,2026-04-05 11:00:01,其他,即时到账交易,张某,转账,200.00,收入,交易成功,0.00,0.00,,已收入,',
      '------------------------------------------------------------------------------------',
      '共2笔记录',
      '已收入:1笔,200.00元',
      '待收入:0笔,0.00元',
      '已支出:1笔,800.00元',
      '待支出:0笔,0.00元',
      '导出时间:[2026-05-01 10:00:00]    用户:lh1983@alipay.com',
      '',
    ].join('\r\n');
    const file = {
      fileName: 'alipay_record.csv',
      contentBase64: base64(iconv.encode(bill, 'gbk')),
      template: 'transactions' as const,
    };
    const preview = await c.ok('import.preview', file);
    expect([preview.platform, preview.owner, preview.rowCount, preview.rejectedCount]).toEqual([
      'alipay',
      'lh1983@alipay.com',
      2,
      0,
    ]);
    await c.ok('import.commit', { ...file, importId: 'imp-alipay-old' });
    expect(await relationsOf(await entityId('lh1983@alipay.com'), 'finances')).toEqual([
      // A name alone is this bill's counterpart, no other bill's.
      'lh1983@alipay.com>张某（lh1983@alipay.com对方）: 1 80000',
      '张某（lh1983@alipay.com对方）>lh1983@alipay.com: 1 20000',
    ]);

    // A statement's page totals and the line that closes a 话单.
    const statement =
      '交易卡号,交易时间,交易金额,借贷标志,对手账号\n6222000011112222,2026-04-01 10:00:00,100.00,借,6217000033334444\n合计,,100.00,,\n本页小计：1 笔\n';
    const totals = await c.ok('import.preview', {
      fileName: 's.csv',
      contentBase64: base64(statement),
      template: 'transactions',
    });
    expect([totals.rowCount, totals.rejectedCount]).toEqual([1, 0]);
    const calls =
      '本机号码,对方号码,呼叫类型,开始时间,通话时长\n13987654321,13812345678,主叫,2026-04-01 08:00:00,65\n以下空白\n';
    const closed = await c.ok('import.preview', {
      fileName: 'c.csv',
      contentBase64: base64(calls),
      template: 'calls',
    });
    expect([closed.rowCount, closed.rejectedCount]).toEqual([1, 0]);
  });

  it('a WeChat bill (UTF-8, notes above the header), the owner named by the user', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const file = {
      fileName: '微信支付账单.csv',
      contentBase64: base64(fixture('wechat-bill.csv')),
      template: 'transactions' as const,
    };
    const preview = await c.ok('import.preview', file);
    // The line of ¥0.00 and slashes under the rows moved nothing: no row, none refused. The
    // owner, known by a nickname alone, is this file's account (its SHA-256's first digits).
    const key = createHash('sha256').update(fixture('wechat-bill.csv')).digest('hex').slice(0, 12);
    expect([
      preview.platform,
      preview.owner,
      preview.ownerKnownBy,
      preview.headerLine,
      preview.rejectedCount,
    ]).toEqual(['wechat', `阿龙（微信昵称，文件${key}）`, 'nickname', 15, 0]);
    // What was bought or sent and how: 商品 and 交易类型, not the empty 备注 and 支付方式.
    expect(preview.sample.map((row) => [row['summary'], row['channel']])).toEqual([
      [undefined, '转账'],
      [undefined, '转账'],
      ['外卖', '商户消费'],
    ]);
    await c.ok('import.commit', {
      ...file,
      importId: 'imp-wechat',
      skipInvalid: true,
      ownAccount: 'wxid_along',
    });
    expect(await relationsOf(await entityId('wxid_along'), 'finances')).toEqual([
      'wxid_along>美团（wxid_along对方）: 1 20000',
      'wxid_along>老周（wxid_along对方）: 1 100000',
      '老周（wxid_along对方）>wxid_along: 1 500000',
    ]);
  });
});

describe('spreadsheets as banks and carriers send them', () => {
  it('the 话单 as an Excel 97–2003 workbook (numbers, dates and durations as cells) reads and imports as the CSV', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const csv = await c.ok('import.preview', cdr);
    // Made by LibreOffice from the CSV: own numbers, serials, IMEIs as number cells, start times
    // as date cells (one as the number 20260401100000), a duration as a time cell (00:02:05).
    const xls = {
      ...cdr,
      fileName: '13987654321话单.xls',
      contentBase64: base64(fixture('carrier-cdr.xls')),
    };
    expect(await c.ok('import.preview', xls)).toEqual({ ...csv, format: 'xls', encoding: null });
    const summary = await c.ok('import.commit', { ...xls, importId: 'imp-xls', skipInvalid: true });
    expect(summary).toMatchObject({ rows: 16, rejectedRows: 2, entitiesCreated: 11 });
    expect(Buffer.from(summary.rejectedFile!.contentBase64, 'base64').toString('utf8')).toBe(
      '\ufeff序号,本机号码,对方号码,呼叫类型,开始时间,通话时长,LAC,CI,IMEI,IMSI,对方归属地,原行号,原因\r\n' +
        '17,13987654321,13812345678,视频,2026-04-03 15:00:00,10,25301,10231,861234567890123,460001234567890,广东广州,18,呼叫类型：呼叫类型无法识别（应为 主叫/被叫/呼转/短信发/短信收 等）；代码（01、02）请在表头上方加一行说明，如“呼叫类型：01-主叫，02-被叫”\r\n' +
        '18,13987654321,13812345678,主叫,2026-13-01 16:00:00,60,25301,10231,861234567890123,460001234567890,广东广州,19,开始时间：时间无法识别或不存在\r\n',
    );
    expect(await relationsOf(await entityId(target), 'calls')).toEqual(cdrCalls);
  });

  it('numbers as their cells show them (landlines padded with 0, call types 01/02) and error cells empty, in .xlsx and .xls', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    // Made with exceljs: 对方号码 number cells formatted 000000000000, 呼叫类型 1 and 2 formatted
    // 00 under a legend 01=主叫，02=被叫, 对方归属地 a VLOOKUP's #N/A and a #REF!; the .xls is
    // LibreOffice's copy of it.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('话单');
    sheet.addRow(['呼叫类型：01=主叫，02=被叫']);
    sheet.addRow(['本机号码', '对方号码', '呼叫类型', '开始时间', '通话时长', '对方归属地']);
    for (const [far, format, type, at, seconds] of [
      [87165123456, '000000000000', 1, '2026-04-01 10:00:00', 65],
      [2162345678, '00000000000', 2, '2026-04-01 11:00:00', 30],
    ] as const) {
      const row = sheet.addRow([13987654321, far, type, at, seconds, null]);
      row.getCell(2).numFmt = format;
      row.getCell(3).numFmt = '00';
    }
    sheet.getCell('F3').value = {
      formula: 'VLOOKUP(B3,X:Y,2,0)',
      result: { error: '#N/A' },
    } as ExcelJS.CellValue;
    sheet.getCell('F4').value = { error: '#REF!' } as ExcelJS.CellValue;
    for (const [fileName, bytes] of [
      ['话单.xlsx', Buffer.from(await workbook.xlsx.writeBuffer())],
      ['话单.xls', fixture('padded-numbers.xls')],
    ] as const) {
      const preview = await c.ok('import.preview', {
        fileName,
        contentBase64: bytes.toString('base64'),
        template: 'calls',
      });
      expect(preview.problems).toEqual([]);
      expect(preview.sample.map((row) => [row['caller'], row['callee'], row['farType']])).toEqual([
        ['13987654321', '087165123456', 'landline'],
        ['02162345678', '13987654321', 'landline'],
      ]);
      const { table } = await readTableSource({ bytes }, 'auto');
      expect(table.rows.slice(2).map((row) => row.cells.slice(1))).toEqual([
        ['087165123456', '01', '2026-04-01 10:00:00', 65, null],
        ['02162345678', '02', '2026-04-01 11:00:00', 30, null],
      ]);
    }
  });

  it('a 话单 over several sheets: every sheet under the same header read, notes and other lists said unread', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const csv = await c.ok('import.preview', cdr);
    // 说明 (notes), 话单1 (header + 10 rows), 话单2 (the header again + 8 rows), 上网记录
    // (another list); the same workbook as .xls, .xlsx and .ods.
    const input = (name: string) => ({
      ...cdr,
      fileName: name,
      contentBase64: base64(fixture(name)),
    });
    const xls = await c.ok('import.preview', input('carrier-cdr-sheets.xls'));
    expect(await c.ok('import.preview', input('carrier-cdr-sheets.xlsx'))).toEqual({
      ...xls,
      format: 'xlsx',
    });
    // And as OpenDocument (LibreOffice; the office suites of Kylin and UOS).
    expect(await c.ok('import.preview', input('carrier-cdr-sheets.ods'))).toEqual({
      ...xls,
      format: 'ods',
    });
    // And as Excel's binary workbook (written by SheetJS from the .xls).
    expect(await c.ok('import.preview', input('carrier-cdr-sheets.xlsb'))).toEqual({
      ...xls,
      format: 'xlsb',
    });
    expect(xls.sheets).toEqual([
      { name: '说明', number: 1, rows: 0, read: false, unread: 'header' },
      { name: '话单1', number: 2, rows: 10, read: true },
      { name: '话单2', number: 3, rows: 8, read: true },
      { name: '上网记录', number: 4, rows: 0, read: false, unread: 'header' },
    ]);
    // The rows of both sheets, checked as the CSV's; lines name the sheet and its row.
    expect([xls.headerLine, xls.rowCount, xls.validCount, xls.rejectedCount]).toEqual([
      10_000_001, 18, 16, 2,
    ]);
    expect(xls.problems).toEqual(
      csv.problems.map((problem, index) => ({ ...problem, line: 20_000_008 + index })),
    );
    expect(xls.sample).toEqual(csv.sample);
    const summary = await c.ok('import.commit', {
      ...input('carrier-cdr-sheets.xls'),
      importId: 'imp-sheets',
      skipInvalid: true,
    });
    expect(summary).toMatchObject({ rows: 16, rejectedRows: 2, entitiesCreated: 11 });
    expect(await relationsOf(await entityId(target), 'calls')).toEqual(cdrCalls);
    // A record from the second sheet names it.
    const detail = await c.ok('entities.get', { id: await entityId(target) });
    const gateway = detail.relations.find((relation) => relation.fromLabel === '1069012345678901')!;
    const records = await c.ok('import.records', { relationId: gateway.id });
    expect(records.rows.map((row) => row.source.line)).toEqual([20_000_006]);
  });

  it("two WeChat bills of two owners in one workbook: each sheet's rows are its owner's", async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const XLSX = await import('@e965/xlsx');
    const text = fixture('wechat-bill.csv')
      .toString('utf8')
      .replace(/^\ufeff/, '');
    const sheetOf = (csv: string) =>
      XLSX.utils.aoa_to_sheet(readCsvRows(csv, tableLimits).map((row) => row.cells));
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheetOf(text), '阿龙');
    XLSX.utils.book_append_sheet(book, sheetOf(text), '阿龙 (2)');
    XLSX.utils.book_append_sheet(book, sheetOf(text.replace('阿龙', '小王')), '小王');
    for (const bookType of ['xlsx', 'xls'] as const) {
      const preview = await c.ok('import.preview', {
        fileName: `微信账单.${bookType}`,
        contentBase64: base64(XLSX.write(book, { type: 'buffer', bookType }) as Buffer),
        template: 'transactions',
      });
      // Known by nicknames alone, the owners are the workbook's: 阿龙 of its first two sheets one.
      const key = /^阿龙（微信昵称，文件([0-9a-f]{12})）$/.exec(preview.owner ?? '')?.[1];
      expect([key?.length, preview.rowCount, preview.rejectedCount]).toEqual([12, 9, 0]);
      expect(preview.sheets).toEqual([
        { name: '阿龙', number: 1, rows: 3, read: true },
        { name: '阿龙 (2)', number: 2, rows: 3, read: true },
        { name: '小王', number: 3, rows: 3, read: true },
      ]);
      expect([...new Set(preview.sample.map((row) => row['account']))]).toEqual([
        `阿龙（微信昵称，文件${key}）`,
        `小王（微信昵称，文件${key}）`,
      ]);
    }
  });

  it('statements of two accounts in one workbook, each row naming its account: both sheets read', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const XLSX = await import('@e965/xlsx');
    const sheetOf = (account: string) =>
      XLSX.utils.aoa_to_sheet([
        ['账户明细'],
        [`账号：${account}`],
        ['交易卡号', '交易时间', '交易金额', '借贷标志', '对手账号'],
        [account, '2026-04-01 10:00:00', '100.00', '借', '6217000033334444'],
      ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheetOf('6222000011112222'), 'A');
    XLSX.utils.book_append_sheet(book, sheetOf('6222000055556666'), 'B');
    const preview = await c.ok('import.preview', {
      fileName: '两个账户.xlsx',
      contentBase64: base64(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer),
      template: 'transactions',
    });
    expect([preview.owner, preview.rowCount, preview.rejectedCount]).toEqual([
      '6222000011112222',
      2,
      0,
    ]);
    expect(preview.sheets).toEqual([
      { name: 'A', number: 1, rows: 1, read: true },
      { name: 'B', number: 2, rows: 1, read: true },
    ]);
  });

  it('a card number saved as a number cell (cut to 15 digits) is refused, not imported as another card', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const XLSX = await import('@e965/xlsx');
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([
        ['交易卡号', '交易时间', '交易金额', '借贷标志', '对手账号'],
        // The card as Excel keeps it when typed as a number: its nearest double.
        ['6222000011112222', '2026-04-01 10:00:00', 100, '借', Number('6228480398271645312')],
        ['6222000011112222', '2026-04-01 11:00:00', 200, '借', '6228480398271645312'],
        // Typed into Excel, a 16-digit card keeps 15 digits and a 0.
        [6222000011112220, '2026-04-01 12:00:00', 300, '借', '6217000033334444'],
        // Written exact by a program (a 16-digit number under 2^53 not ending in 0): kept.
        ['6222000011112222', '2026-04-01 13:00:00', 400, '借', 1069012345678901],
      ]),
      '流水',
    );
    const preview = await c.ok('import.preview', {
      fileName: '流水.xlsx',
      contentBase64: base64(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer),
      template: 'transactions',
    });
    expect(preview.problems).toEqual([
      { line: 2, field: 'counterpartAccount', problem: 'truncated', value: '6228480398271646000' },
      { line: 4, field: 'account', problem: 'truncated', value: '6222000011112220' },
    ]);
    // An ID number typed into a number cell: 18 digits cut, 15 (first generation) whole.
    const people = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      people,
      XLSX.utils.aoa_to_sheet([
        ['姓名', '身份证号'],
        ['甲', Number('110105194912310029')],
        ['乙', 110105491231002],
      ]),
      '人员',
    );
    const persons = await c.ok('import.preview', {
      fileName: '人员.xlsx',
      contentBase64: base64(XLSX.write(people, { type: 'buffer', bookType: 'xlsx' }) as Buffer),
      template: 'persons',
    });
    expect(persons.problems.map((problem) => [problem.line, problem.problem])).toEqual([
      [2, 'truncated'],
    ]);
    expect(persons.sample.map((row) => row['idNumber'])).toEqual(['11010519491231002X']);
    // The same in a seizure ledger's holder ID column.
    const ledger = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      ledger,
      XLSX.utils.aoa_to_sheet([
        ['物品名称', '数量', '计量单位', '持有人身份证号', '缴获日期'],
        ['冰毒', 8, '克', Number('110105194912310029'), '2026-10-02'],
      ]),
      '登记表',
    );
    const seizureCase = await c.ok('cases.create', {
      caseNo: 'A5301-T01',
      title: '截断',
      offenceType: 'trafficking',
      openedOn: '2026-10-01',
    });
    const seized = await c.ok('import.preview', {
      caseId: seizureCase.id,
      fileName: '登记表.xlsx',
      contentBase64: base64(XLSX.write(ledger, { type: 'buffer', bookType: 'xlsx' }) as Buffer),
      template: 'seizures',
    });
    expect(seized.problems).toContainEqual(
      expect.objectContaining({ line: 2, field: 'holderIdNumber', problem: 'truncated' }),
    );
  });

  it('a workbook in the 1904 date system: dates as typed, a time and a duration as in any other', async () => {
    const XLSX = await import('@e965/xlsx');
    const sheet = XLSX.utils.aoa_to_sheet([['日期', '时间', '时长']]);
    // 2026-04-01 in the 1904 system; 12:00:00; 00:03:25.
    sheet['A2'] = { t: 'n', v: 46_113 - 1_462, z: 'yyyy-mm-dd' };
    sheet['B2'] = { t: 'n', v: 0.5, z: 'hh:mm:ss' };
    sheet['C2'] = { t: 'n', v: 205 / 86_400, z: '[h]:mm:ss' };
    sheet['!ref'] = 'A1:C2';
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'S');
    book.Workbook = { WBProps: { date1904: true } };
    const xls = XLSX.write(book, { type: 'buffer', bookType: 'xls' }) as Buffer;
    // The .xlsx by exceljs, which writes the flag as Excel does (SheetJS's "true" it ignores).
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    const cells = workbook.addWorksheet('S');
    cells.addRow(['日期', '时间', '时长']);
    cells.addRow([46_113 - 1_462, 0.5, 205 / 86_400]);
    cells.getCell('A2').numFmt = 'yyyy-mm-dd';
    cells.getCell('B2').numFmt = 'hh:mm:ss';
    cells.getCell('C2').numFmt = '[h]:mm:ss';
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    for (const bytes of [xls, xlsx]) {
      const { table } = await readTableSource({ bytes });
      expect(table.rows[1]!.cells).toEqual([
        new Date('2026-04-01T00:00:00Z'),
        new Date('1899-12-30T12:00:00Z'),
        new Date('1899-12-30T00:03:25Z'),
      ]);
    }
  });

  it('a bank statement as .xls, as .xlsx and as the HTML table bank systems save as .xls reads the same', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const file = (name: string) => ({
      fileName: name,
      contentBase64: base64(fixture(name)),
      template: 'transactions' as const,
    });
    // The same sheet (a merged title, the card above the header, date, time and amount cells)
    // saved by LibreOffice as .xls and .xlsx; and as GBK HTML with text cells.
    const xls = await c.ok('import.preview', file('bank-statement.xls'));
    expect(await c.ok('import.preview', file('bank-statement.xlsx'))).toEqual({
      ...xls,
      format: 'xlsx',
    });
    expect(await c.ok('import.preview', file('bank-statement-web.xls'))).toEqual({
      ...xls,
      format: 'html',
      encoding: 'gb18030',
      rejectedFileName: 'bank-statement-web.rejected.csv',
    });
    expect([xls.format, xls.encoding, xls.headerLine, xls.rowCount, xls.rejectedCount]).toEqual([
      'xls',
      null,
      3,
      4,
      1,
    ]);
    expect(xls.problems).toEqual([{ line: 7, field: 'amount', problem: 'amount', value: 'abc' }]);
    expect(xls.sample.map((row) => [row['direction'], row['at'], row['amountFen']])).toEqual([
      ['in', '2026-04-01T09:16:47.000Z', '1250000'],
      ['out', '2026-04-02T01:05:01.000Z', '300000'],
      ['out', '2026-04-02T04:00:00.000Z', '200000'],
    ]);
    const summary = await c.ok('import.commit', {
      ...file('bank-statement.xls'),
      importId: 'imp-xls-bank',
      skipInvalid: true,
    });
    expect(summary).toMatchObject({ rows: 3, rejectedRows: 1, entitiesCreated: 2 });
    // Date and time cells are written back as they were typed.
    expect(Buffer.from(summary.rejectedFile!.contentBase64, 'base64').toString('utf8')).toBe(
      '\ufeff交易卡号,交易户名,交易日期,交易时间,交易金额,借贷标志,交易余额,对手账号,对手户名,摘要,原行号,原因\r\n' +
        '6228480398271645312,李某,2026-04-04,10:00:00,abc,借,7600,6217001540009283746,王某,转账,7,交易金额：金额格式不正确或不大于 0\r\n',
    );
    expect(await relationsOf(await entityId('6228480398271645312'), 'finances')).toEqual([
      '6217001540009283746>6228480398271645312: 1 1250000',
      '6228480398271645312>6217001540009283746: 1 300000',
    ]);
  });
});

describe('deleting an import', () => {
  it('keeps what users made of its entities since: a phone put in a case by hand, a phone with a note', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const caseRow = await c.ok('cases.create', {
      caseNo: 'A5301-K01',
      title: '上线号码核查',
      offenceType: 'trafficking',
      openedOn: '2026-04-01',
    });
    const csv = [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      '13987654321,13846152937,主叫,2026-05-01 08:00:00,100',
      '13987654321,13846152938,主叫,2026-05-01 09:00:00,100',
      '13987654321,13846152939,主叫,2026-05-01 10:00:00,100',
    ].join('\n');
    await c.ok('import.commit', {
      fileName: 'calls.csv',
      contentBase64: base64(csv),
      template: 'calls',
      importId: 'imp-curated',
    });
    const suspectPhone = await entityId('13846152937');
    const notedPhone = await entityId('13846152938');
    await c.ok('cases.addEntity', {
      caseId: caseRow.id,
      entityId: suspectPhone,
      roleInCase: 'suspect',
    });
    c.clock.advance(60_000);
    await c.ok('entities.update', {
      id: notedPhone,
      entity: { kind: 'phone', number: '13846152938', notes: '线人提供：此号为上线专用号' },
    });
    const deleted = await c.ok('import.delete', { importId: 'imp-curated' });
    expect(deleted).toMatchObject({ callRecords: 3, entitiesDeleted: 2, entitiesKept: 2 });
    // The target and the untouched number go; the two numbers users worked on stay, with
    // their case and their note.
    const phones = (await c.ok('entities.list', { kinds: ['phone'] })).rows.map((row) => row.label);
    expect(phones.sort()).toEqual(['13846152937', '13846152938']);
    const members = await c.ok('cases.get', { id: caseRow.id });
    expect(members.members.map((item) => item.label)).toEqual(['13846152937']);
    expect((await c.ok('entities.get', { id: notedPhone })).notes).toBe(
      '线人提供：此号为上线专用号',
    );
  });

  it('restores the workspace exactly: relations, counts, search', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await c.ok('import.commit', { ...cdr, importId: 'imp-first', skipInvalid: true });
    const targetId = await entityId(target);
    const snapshot = async () => ({
      stats: await c
        .ok('stats.summary', {})
        .then(({ entities, relations }) => ({ entities, relations })),
      relations: (await c.ok('entities.get', { id: targetId })).relations,
      search: await c.ok('search.query', { text: '1360000' }),
      phones: (await c.ok('entities.list', { kinds: ['phone'] })).rows
        .map((row) => row.label)
        .sort(),
    });
    const before = await snapshot();
    // A second import adds to existing relations and brings new numbers.
    const csv = [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      '13987654321,13812345678,主叫,2026-05-01 08:00:00,100',
      '13987654321,13812345678,短信收,2026-05-01 08:10:00,',
      '13987654321,13600001111,被叫,2026-05-02 08:00:00,7',
    ].join('\n');
    await c.ok('import.commit', {
      fileName: 'more.csv',
      contentBase64: base64(csv),
      template: 'calls',
      importId: 'imp-second',
    });
    expect(await snapshot()).not.toEqual(before);
    expect((await c.ok('import.list', {})).map((row) => [row.id, row.rowCount])).toEqual([
      ['imp-second', 3],
      ['imp-first', 16],
    ]);
    const deleted = await c.ok('import.delete', { importId: 'imp-second' });
    expect(deleted).toEqual({
      importId: 'imp-second',
      callRecords: 3,
      dataSessions: 0,
      withheldNumbers: 0,
      signals: 0,
      cellSites: 0,
      transfers: 0,
      seizures: 0,
      relationsDeleted: 1,
      relationsUpdated: 2,
      copiesCounted: 0,
      entitiesDeleted: 1,
      entitiesKept: 0,
    });
    const after = await snapshot();
    expect(after.stats).toEqual(before.stats);
    expect(after.phones).toEqual(before.phones);
    expect(after.search).toEqual(before.search);
    expect(
      after.relations.map(({ id, eventCount, durationSeconds, startedOn, endedOn }) => ({
        id,
        eventCount,
        durationSeconds,
        startedOn,
        endedOn,
      })),
    ).toEqual(
      before.relations.map(({ id, eventCount, durationSeconds, startedOn, endedOn }) => ({
        id,
        eventCount,
        durationSeconds,
        startedOn,
        endedOn,
      })),
    );
    expect((await c.ok('audit.list', { action: 'import.deleted' })).rows[0]!.details).toMatchObject(
      {
        importId: 'imp-second',
        callRecords: 3,
      },
    );
    expect(await c.call('import.delete', { importId: 'imp-second' })).toMatchObject({
      ok: false,
      error: { code: 'import.notFound' },
    });
  });
});
