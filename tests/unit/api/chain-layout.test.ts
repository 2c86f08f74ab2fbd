import { describe, expect, it } from 'vitest';
import { chainPositions, type ChainItem } from '../../../electron/api/domain/chain-layout';

const person = (id: string, level: number, labelWidth = 60): ChainItem => ({
  id,
  level,
  radius: 22,
  labelWidth,
  labelHeight: 47,
});
const thing = (id: string, level: number, owner: string): ChainItem => ({
  id,
  level,
  owner,
  radius: 16,
  labelWidth: 90,
  labelHeight: 21,
});

describe('the supply-chain layout', () => {
  it('puts things beside their owner on its row, and rows just as far apart as the names need', () => {
    const { positions, rows, bounds } = chainPositions(
      [person('boss', 0), thing('phone', 0, 'boss'), thing('car', 0, 'boss'), person('dealer', 1)],
      [{ from: 'boss', to: 'dealer' }],
    );
    // The phone and the car right of the boss's icon, at its height, 6 apart.
    expect(positions['phone']).toEqual({ x: positions['boss']!.x + 44, y: 0 });
    expect(positions['car']).toEqual({ x: positions['boss']!.x + 82, y: 0 });
    // Two rows, not four: the second one icon, a name and a gap of 8 below the first.
    expect([...rows]).toEqual([
      [0, 0],
      [1, 22 + 47 + 8 + 22],
    ]);
    expect(positions['dealer']!.y).toBe(99);
    expect(bounds.top).toBe(-22);
    expect(bounds.bottom).toBe(99 + 22 + 47);
  });

  it('orders each row by whom it is linked to above, so supply lines do not cross', () => {
    const { positions } = chainPositions(
      [
        person('left', 0),
        person('right', 0),
        // Given in the crossing order: right's buyer first.
        person('buysRight', 1),
        person('buysLeft', 1),
      ],
      [
        { from: 'left', to: 'buysLeft' },
        { from: 'right', to: 'buysRight' },
      ],
    );
    expect(positions['left']!.x).toBeLessThan(positions['right']!.x);
    expect(positions['buysLeft']!.x).toBeLessThan(positions['buysRight']!.x);
    // Columns never closer than their names' widths and the gap.
    expect(positions['buysRight']!.x - positions['buysLeft']!.x).toBeGreaterThanOrEqual(60 + 18);
  });

  it('spreads a tall chain’s columns to the shape of a wide room, at most twice, things kept by their owners', () => {
    // Four rows of two: narrower than tall.
    const items = [0, 1, 2, 3].flatMap((level) => [
      person(`a${level}`, level),
      person(`b${level}`, level),
    ]);
    items.push(thing('phone', 0, 'a0'));
    const edges = [0, 1, 2].flatMap((level) => [
      { from: `a${level}`, to: `a${level + 1}` },
      { from: `b${level}`, to: `b${level + 1}` },
    ]);
    const tight = chainPositions(items, edges);
    const width = (placement: typeof tight) => placement.bounds.right - placement.bounds.left;
    const height = (placement: typeof tight) => placement.bounds.bottom - placement.bounds.top;
    // a0's column reaches past its phone (22 + 6 + 32), then the gap of 18, then half b0's name.
    expect(tight.positions['b0']!.x - tight.positions['a0']!.x).toBe(60 + 18 + 30);
    expect(height(tight)).toBe(3 * 99 + 22 + 22 + 47);
    // Tight, the chain is 168 wide (30 + 108 + 30) and 388 high. In a room 0.7 times as wide as high the
    // centres spread until the chain has the room's shape (272 wide).
    expect([width(tight), height(tight)]).toEqual([168, 388]);
    const wide = chainPositions(items, edges, 0.7);
    expect(wide.positions['b0']!.x - wide.positions['a0']!.x).toBeGreaterThan(108);
    expect(height(wide)).toBe(height(tight));
    expect(Math.abs(width(wide) - 0.7 * 388)).toBeLessThanOrEqual(2);
    // The phone stays 6 right of its owner's icon; rows keep their y.
    expect(wide.positions['phone']!.x - wide.positions['a0']!.x).toBe(22 + 6 + 16);
    expect([...wide.rows]).toEqual([...tight.rows]);
    // A very wide room spreads the columns twice as far apart, no more.
    const widest = chainPositions(items, edges, 10);
    expect(widest.positions['b0']!.x - widest.positions['a0']!.x).toBe(
      2 * (tight.positions['b0']!.x - tight.positions['a0']!.x),
    );
    // A room narrower than the chain changes nothing.
    expect(chainPositions(items, edges, 0.1).positions).toEqual(tight.positions);
  });
});
