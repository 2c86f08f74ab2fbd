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
});
