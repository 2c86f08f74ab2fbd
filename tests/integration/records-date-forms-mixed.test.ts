import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * One morning of a 电信 list with its dates written ten ways (carrier-cdr-date-forms.csv,
 * 08:00 to 08:45 of 2026-04-01). 26-04-01 08:35:00 (the year's two digits first) had been
 * refused; 01/04/2026 08:20:00 had been read month first, 4 January, where every date of the
 * file that can be read one way only says 1 April.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const fixtures = path.join(import.meta.dirname, '../fixtures/records');

function storedTimes() {
  return c.router.sessions
    .current()!
    .sqlite.prepare(`SELECT line, started_unix AS at FROM call_records ORDER BY line`)
    .all()
    .map((row) => {
      const { line, at } = row as { line: number; at: number };
      return `${line} ${new Date(at * 1000).toISOString()}`;
    });
}

describe('a call list with its dates written more than one way', () => {
  it('reads each row as the file’s dates show: 1 April, every row', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const summary = await c.ok('import.commit', {
      importId: 'imp-days',
      fileName: 'carrier-cdr-date-forms.csv',
      contentBase64: fs
        .readFileSync(path.join(fixtures, 'carrier-cdr-date-forms.csv'))
        .toString('base64'),
      template: 'calls',
    });
    expect(summary).toMatchObject({ rows: 10, rejectedRows: 0 });
    expect(storedTimes()).toEqual([
      '2 2026-04-01T00:00:00.000Z',
      '3 2026-04-01T00:05:00.000Z',
      '4 2026-04-01T00:10:00.000Z',
      '5 2026-04-01T00:15:00.000Z',
      '6 2026-04-01T00:20:00.000Z',
      '7 2026-04-01T00:25:00.000Z',
      '8 2026-04-01T00:30:00.000Z',
      '9 2026-04-01T00:35:00.000Z',
      '10 2026-04-01T00:40:00.000Z',
      '11 2026-04-01T00:50:00.000Z',
    ]);
  });

  it('a list planned in two halves: rows of either half read before the file’s dates were known', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    // Over 4 MB a call list is planned in two threads; 1 April, a second a row from midnight.
    const clock = (index: number) =>
      [index / 3600, (index % 3600) / 60, index % 60]
        .map((part) => String(Math.floor(part)).padStart(2, '0'))
        .join(':');
    const ambiguous = new Set([3, 59_990]);
    const rows = Array.from({ length: 60_000 }, (_, index) => {
      const day = ambiguous.has(index) ? '01/04/2026' : '2026-04-01';
      return `13800138000,139${String(index % 1000).padStart(8, '0')},主叫,${day} ${clock(index)},65,备注备注备注备注备注备注`;
    });
    const content = ['本机号码,对方号码,呼叫类型,开始时间,通话时长,备注', ...rows].join('\r\n');
    await c.ok('import.commit', {
      importId: 'imp-large',
      fileName: 'large.csv',
      contentBase64: Buffer.from(content, 'utf8').toString('base64'),
      template: 'calls',
    });
    const at = c.router.sessions
      .current()!
      .sqlite.prepare('SELECT started_unix AS at FROM call_records WHERE line = ?');
    const stored = [5, 59_992].map((line) =>
      new Date((at.get(line) as { at: number }).at * 1000).toISOString(),
    );
    expect(stored).toEqual(['2026-03-31T16:00:03.000Z', '2026-04-01T08:39:50.000Z']);
  });
});
