import { describe, expect, it } from 'vitest';
import { boxesOverlap, type Box } from '../../../electron/api/domain/box-overlap';

describe('boxesOverlap', () => {
  const box: Box = [10, 10, 20, 10];
  it('is true for boxes sharing area, either way round, one inside the other too', () => {
    expect([
      boxesOverlap(box, [25, 15, 20, 10]),
      boxesOverlap([25, 15, 20, 10], box),
      boxesOverlap(box, [12, 12, 2, 2]),
    ]).toEqual([true, true, true]);
  });
  it('is false for boxes apart or only touching at an edge', () => {
    expect([
      boxesOverlap(box, [30, 10, 5, 5]),
      boxesOverlap(box, [10, 20, 5, 5]),
      boxesOverlap(box, [40, 40, 5, 5]),
    ]).toEqual([false, false, false]);
  });
});
