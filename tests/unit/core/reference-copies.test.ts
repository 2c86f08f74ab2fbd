import { describe, expect, it } from 'vitest';
import {
  matchReferences,
  platformReference,
  referenceText,
} from '../../../electron/core/records/reference-copies';

type Row = NonNullable<Parameters<typeof matchReferences>[0][number]>;

const number = '1000050001202604060002';
const row = (over: Partial<Row> = {}): Row => ({
  reference: number,
  out: true,
  amountFen: 100_000,
  at: 1_775_476_800,
  importNum: Infinity,
  ...over,
});
const held = (id: number, over: Partial<Row> & { counted?: boolean } = {}) => ({
  ...row({ importNum: 1 }),
  id,
  counted: true,
  ...over,
});

describe('platform transaction numbers', () => {
  it("are read without Excel's apostrophe and WeChat's tab; a row's 序号 or a short 流水号 is none", () => {
    expect([
      referenceText(`'${number}`),
      referenceText(`\t${number}\t`),
      referenceText(` ' `),
      platformReference(`'${number}`),
      platformReference('17'),
      platformReference('ABCDEFGHIJKLMNOPQ'),
      platformReference(null),
    ]).toEqual([number, number, null, number, null, null, null]);
  });

  it('pair a row with the held row of the same number, way and amount within a day, an earlier import, one to one', () => {
    expect(
      matchReferences(
        [
          row(),
          row(),
          row({ out: false }),
          row({ amountFen: 100_001 }),
          row({ at: 1_775_476_800 + 86_401 }),
          row({ reference: '1000050001202604060003' }),
          null,
        ],
        [
          held(7, { importNum: 2, counted: false }),
          held(5),
          held(9, { reference: '1000050001202604060003', importNum: Infinity }),
        ],
      ),
    ).toEqual([5, 7, 0, 0, 0, 0, 0]);
  });
});
