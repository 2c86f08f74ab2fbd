import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { callRecordAt } from '../../electron/core/io/call-columns';
import type { ImportPlan } from '../../electron/core/io/import-plan';
import { chooseSplit } from '../../electron/core/io/plan-split';
import { readAndPlanSource } from '../../electron/core/io/table-file';
import { tableLimits } from '../../electron/core/io/table-parse';

/**
 * A call list read by two parser threads gives exactly the plan one thread gives: records,
 * problems, kept rows and lines, whatever the file's line breaks, quotes and blank lines, and
 * wherever the middle falls (in a quoted cell that runs across it, the first thread reads on).
 */
let seed = 7;
const random = (below: number) => {
  seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
  return (seed >>> 8) % below;
};

function callList(
  rows: number,
  options: { noteAcrossMiddle?: boolean; separator?: string } = {},
): string {
  const breaks = ['\r\n', '\n', '\r\n', '\r'];
  const separator = options.separator ?? ',';
  const lines = [
    '话单查询结果',
    ['本机号码', '对方号码', '呼叫类型', '开始时间', '通话时长', '备注'].join(separator),
  ];
  for (let index = 0; index < rows; index += 1) {
    const kind = ['主叫', '被叫', '短信发', '呼转'][random(4)];
    const other = random(20) === 0 ? '不是号码' : `1380000${String(random(300)).padStart(4, '0')}`;
    let note = ['', '正常', '"说 ""你好"", 再见"', '含"引号', '"两行\n的\r\n备注"', ' "前有空格"'][
      random(6)
    ];
    if (options.noteAcrossMiddle && index === rows >> 1)
      note = `"${Array.from({ length: 400 }, (_, n) => `第${n}行 ok`).join('\n')}"`;
    const minute = String(random(60)).padStart(2, '0');
    lines.push(
      [
        `1398765${String(random(50)).padStart(4, '0')}`,
        other,
        kind,
        `2026-03-05 10:${minute}:00`,
        random(600),
        note,
      ].join(separator),
    );
    if (random(15) === 0) lines.push('');
  }
  let text = lines[0]!;
  for (const line of lines.slice(1)) text += breaks[random(breaks.length)]! + line;
  return text;
}

/** The plan with a call list's columns as records, comparable across threads. */
function comparable(plan: ImportPlan) {
  const { data, ...rest } = plan;
  if (data.template !== 'calls') throw new Error('not a call list');
  return {
    ...rest,
    records: Array.from({ length: data.records.length }, (_, index) =>
      callRecordAt(data.records, index),
    ),
  };
}

async function planned(bytes: Uint8Array, splitFromBytes: number, maxRows = tableLimits.maxRows) {
  const result = await readAndPlanSource(
    { bytes },
    'auto',
    'calls',
    {},
    {
      limits: { ...tableLimits, splitFromBytes, maxRows },
    },
  );
  return { ...result, plan: comparable(result.plan) };
}

describe('a call list read by two threads', () => {
  it.each([
    ['UTF-8', 'utf8', {}],
    ['GB18030', 'gb18030', {}],
    ['GB18030, a quoted note across the middle', 'gb18030', { noteAcrossMiddle: true }],
    ['GB18030, tab-separated (TXT)', 'gb18030', { separator: '\t' }],
    ['UTF-8, separated by vertical bars', 'utf8', { separator: '|' }],
    // Not split (an LF byte can be half of a UTF-16 character): one thread reads it all.
    ["UTF-16 LE, tab-separated (Excel's Unicode text)", 'utf16le', { separator: '\t' }],
  ] as const)('%s: the same plan as one thread', async (_name, encoding, options) => {
    for (let round = 0; round < 3; round += 1) {
      const text = callList(400 + round * 131, options);
      const bytes =
        encoding === 'utf8'
          ? Buffer.from(`\ufeff${text}`)
          : encoding === 'utf16le'
            ? Buffer.from(`\ufeff${text}`, 'utf16le')
            : iconv.encode(text, 'gb18030');
      const one = await planned(bytes, Number.MAX_SAFE_INTEGER);
      const two = await planned(bytes, 1);
      expect(two).toEqual(one);
      // Hashed after the second thread got its half: still the whole file's SHA-256.
      expect(two.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      // The separator and encoding were found: the header's six columns, the data rows checked.
      expect(one.plan.headers).toEqual([
        '本机号码',
        '对方号码',
        '呼叫类型',
        '开始时间',
        '通话时长',
        '备注',
      ]);
      expect(one.plan.records.length).toBeGreaterThan(300);
      expect(one.plan.problems.length).toBeGreaterThan(0);
      expect(one.plan.rows.length).toBe(new Set(one.plan.problems.map((p) => p.line)).size);
    }
  });

  it('a report lined up with spaces is read whole, as one thread reads it', async () => {
    const lines = [
      `本机号码${' '.repeat(6)}对方号码${' '.repeat(6)}呼叫类型  开始时间${' '.repeat(13)}通话时长`,
    ];
    for (let index = 0; index < 300; index += 1) {
      const number = String(index).padStart(4, '0');
      const minute = String(index % 60).padStart(2, '0');
      lines.push(
        `1398765${number}   1380000${number}   主叫${' '.repeat(6)}2026-03-05 10:${minute}:00  ${index}`,
      );
    }
    const bytes = iconv.encode(lines.join('\r\n'), 'gb18030');
    const one = await planned(bytes, Number.MAX_SAFE_INTEGER);
    expect(await planned(bytes, 1)).toEqual(one);
    expect(one.plan.problems).toEqual([]);
    expect(one.plan.records.length).toBe(300);
    expect(one.plan.records[299]).toMatchObject({ caller: '13987650299', durationSeconds: 299 });
  });

  it('clocks of four digits are read HHMM over both halves, as one thread reads them', async () => {
    const lines = ['本机号码,对方号码,呼叫类型,通话日期,通话时间,通话时长'];
    for (let index = 0; index < 300; index += 1)
      lines.push(`13800138000,13900139000,主叫,20260401,${(index % 24) * 100 + (index % 60)},5`);
    const bytes = Buffer.from(lines.join('\n'));
    const one = await planned(bytes, Number.MAX_SAFE_INTEGER);
    expect(await planned(bytes, 1)).toEqual(one);
    // Row 299: 11:59 on 1 April, China time.
    expect(one.plan.records[299]!.startedUnix).toBe(Date.parse('2026-04-01T03:59:00Z') / 1000);
  });

  it('cuts at the line after the middle, past the header rows, never after a Chinese character', () => {
    const limits = { ...tableLimits, splitFromBytes: 1 };
    // The header is looked for in the first 40 rows: a file of fewer stays whole.
    expect(chooseSplit(Buffer.from('a,b\r\n1,2\n"x\ny",3\r4,5\n'), 'utf8', ',', limits)).toBe(null);
    const rows = Array.from({ length: 99 }, (_, n) => `${String(n).padStart(2, '0')},x`);
    const text = `h1,h2\r\n${rows.join('\r\n')}\r\n`;
    const point = chooseSplit(Buffer.from(text), 'utf8', ',', limits)!;
    expect(point.start).toBe(text.indexOf('\n', text.length >> 1) + 1);
    expect(text.slice(point.start, point.start + 4)).toBe('49,x');
    expect(point.line).toBe(51);
    expect(point.head).toBe(text.slice(0, text.indexOf('39,x')));
    // After a line ending in a Chinese character the next clean line break is taken.
    const chinese = `h1,h2\n${rows.slice(0, 45).join('\n')}\n${'长\n'.repeat(300)}z,1\ny,2\n`;
    const bytes = iconv.encode(chinese, 'gb18030');
    const after = chooseSplit(bytes, 'gb18030', ',', limits)!;
    expect(iconv.decode(bytes.subarray(after.start), 'gb18030')).toBe('y,2\n');
    // UTF-16 is never cut: 上 (U+4E0A) is the bytes 0A 4E, an LF byte in the middle of it.
    expect(chooseSplit(Buffer.from(`\ufeff${text}`, 'utf16le'), 'utf16le', ',', limits)).toBe(null);
  });

  it('splits a file read from disk (the bytes a Buffer) as one sent as bytes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quanlian-plan-split-'));
    try {
      const file = path.join(dir, 'calls.csv');
      const bytes = iconv.encode(callList(500), 'gb18030');
      fs.writeFileSync(file, bytes);
      const limits = { ...tableLimits, splitFromBytes: 1 };
      const fromDisk = await readAndPlanSource({ path: file }, 'auto', 'calls', {}, { limits });
      expect({ ...fromDisk, plan: comparable(fromDisk.plan) }).toEqual(
        await planned(bytes, Number.MAX_SAFE_INTEGER),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a list in hex whose first half shows digits only: every cell read in hex, in both threads and one', async () => {
    // The target stays on cells whose hex shows no letter (2310-5749) until the middle, then
    // moves to 5A3C-0B2F: both are hex, as the whole file shows. A note across the middle makes
    // the first thread read on (planned as a half, read whole).
    for (const noteAcross of [false, true]) {
      const lines = ['本机号码,对方号码,呼叫类型,开始时间,通话时长,LAC,CI,备注'];
      for (let index = 0; index < 400; index += 1) {
        const [lac, ci] = index < 250 ? ['2310', '5749'] : ['5A3C', '0B2F'];
        const note = noteAcross && index === 200 ? `"${'跨\n'.repeat(300)}"` : '';
        lines.push(`13987650001,13800001111,主叫,2026-03-05 10:00:00,60,${lac},${ci},${note}`);
      }
      const bytes = iconv.encode(lines.join('\r\n'), 'gb18030');
      const one = await planned(bytes, Number.MAX_SAFE_INTEGER);
      const two = await planned(bytes, 1);
      expect(two).toEqual(one);
      // Hashed after the second thread got its half: still the whole file's SHA-256.
      expect(two.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      const cells = one.plan.records.map((record) => record.baseStation);
      expect(cells.slice(0, 250)).toEqual(Array(250).fill('8976-22345'));
      expect(cells.slice(250)).toEqual(Array(150).fill('23100-2863'));
    }
  });

  it('counts the rows of both halves against the limit', async () => {
    const bytes = Buffer.from(callList(300));
    await expect(planned(bytes, 1, 250)).rejects.toMatchObject({ code: 'import.tooManyRows' });
    await expect(planned(bytes, Number.MAX_SAFE_INTEGER, 250)).rejects.toMatchObject({
      code: 'import.tooManyRows',
    });
    // Read whole after all (a quoted cell across the middle): the limit as the user set it.
    const across = Buffer.from(callList(300, { noteAcrossMiddle: true }));
    await expect(planned(across, 1, 250)).rejects.toMatchObject({
      code: 'import.tooManyRows',
      details: { limit: 250 },
    });
  });
});
