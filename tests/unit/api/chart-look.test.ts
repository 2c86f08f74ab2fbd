import { describe, expect, it } from 'vitest';
import { edgeLabelPlaces } from '../../../electron/api/domain/chart-look';

describe("a relation's name places (the screen's and the printed chart's one rule)", () => {
  it('tries the curve from its middle outwards, then beside it at the same spots, touching it', () => {
    // A level line from (0, 0) to (100, 0); a name 20 × 10: beside it is half its height + 1 off.
    const places = edgeLabelPlaces((t) => ({ x: 100 * t, y: 0 }), 20, 10);
    expect(places.slice(0, 7).map((place) => place.x)).toEqual([50, 40, 60, 30, 70, 22, 78]);
    expect(places.slice(0, 7).every((place) => place.y === 0)).toBe(true);
    expect(places.slice(7, 11)).toEqual([
      { x: 50, y: 6 },
      { x: 50, y: -6 },
      { x: 40, y: 6 },
      { x: 40, y: -6 },
    ]);
    expect(places).toHaveLength(21);
  });
});
