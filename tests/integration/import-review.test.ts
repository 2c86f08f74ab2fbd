import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * What the check says of a file before anything is written: no row set aside without a word,
 * a header that names nothing said as such however wide, a sample that reads as text.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const base64 = (text: string) => Buffer.from(text).toString('base64');

async function preview(fileName: string, text: string, template: 'calls' | 'transactions') {
  c = makeTestCore();
  await createTestWorkspace(c);
  return c.call('import.preview', { fileName, contentBase64: base64(text), template });
}

describe('the import check', () => {
  it('lists a junk row of one letter repeated as a problem row, not a title dropped unsaid', async () => {
    const result = await preview(
      '话单.csv',
      [
        '本机号码,对方号码,呼叫类型,开始时间,通话时长',
        '13987654321,13812345678,主叫,2026-04-01 08:00:00,60',
        Array.from({ length: 30 }, () => 'y').join(','),
        Array.from({ length: 5 }, () => 'x').join(','),
        '13987654321,13812345678,被叫,2026-04-01 10:00:00,30',
      ].join('\n'),
      'calls',
    );
    if (!result.ok) throw new Error(result.error.code);
    const { rowCount, validCount, rejectedCount, problems } = result.value;
    expect([rowCount, validCount, rejectedCount]).toEqual([4, 2, 2]);
    expect(problems).toEqual([
      // The 25 cells past the header's 5.
      { line: 3, field: 'row', problem: 'extraCells', value: Array(25).fill('y').join(',') },
      ...['ownNumber', 'counterpart', 'callType', 'startedAt', 'duration'].map((field, index) => ({
        line: 4,
        field,
        problem: ['phone', 'phone', 'callType', 'dateTime', 'duration'][index],
        value: 'x',
      })),
    ]);
  });

  it('a header of 500 columns that names none is said as the columns missing, not as no rows', async () => {
    const width = 500;
    const result = await preview(
      'wide.csv',
      [
        Array.from({ length: width }, (_, index) => `列${index}`).join(','),
        Array.from({ length: width }, () => 'x').join(','),
      ].join('\n'),
      'calls',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect([result.error.code, (result.error.details as { fields: string[] }).fields]).toEqual([
      'import.missingColumns',
      ['ownNumber', 'counterpart', 'startedAt'],
    ]);
  });

  it('shows a transfer’s trace in the sample as its own fields, never "[object Object]"', async () => {
    const result = await preview(
      '流水.csv',
      [
        '账号,交易时间,借贷标志,交易金额,对方账号,IP地址,MAC地址',
        '6228480398271645312,2026-04-01 10:00:00,借,100.00,6222020200112233445,001.002.003.004,00-1a-2b-3c-4d-5e',
      ].join('\n'),
      'transactions',
    );
    if (!result.ok) throw new Error(result.error.code);
    const [row] = result.value.sample;
    expect(Object.values(row!)).not.toContain('[object Object]');
    expect(row).not.toHaveProperty('trace');
    expect([row!['ip'], row!['mac']]).toEqual(['1.2.3.4', '00:1A:2B:3C:4D:5E']);
  });
});
