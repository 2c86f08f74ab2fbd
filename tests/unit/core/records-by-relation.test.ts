import { expect, it } from 'vitest';
import { recordsByRelation } from '../../../electron/core/io/import-writer';

it('orders records by their relation number, each relation in file order', () => {
  // Records 0–5 of three pairs; the pairs' relations are numbered 30, 10 and 20.
  const pairOf = Uint32Array.from([0, 1, 0, 2, 1, 0]);
  expect([...recordsByRelation(pairOf, [30, 10, 20])]).toEqual([1, 4, 3, 0, 2, 5]);
  expect([...recordsByRelation(new Uint32Array(0), [])]).toEqual([]);
});
