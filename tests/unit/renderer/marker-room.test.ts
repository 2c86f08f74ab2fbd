import { describe, expect, it } from 'vitest';
import { besideMarker, markerRoom } from '../../../renderer/src/features/map/marker-room';

describe('map labels clear of the markers', () => {
  const pin = { x: 100, y: 100, width: 20, height: 20 };
  const label = { width: 60, height: 12 };

  it("takes a place's name to the first side free of other markers, its own marker aside", () => {
    const room = markerRoom();
    room.record({ dataIndex: 0, rect: pin });
    // A people's marker at the place's right, where its name would go.
    room.record({ dataIndex: 1, rect: { x: 130, y: 100, width: 20, height: 20 } });
    const spots = besideMarker(5, 'right')(pin, label);
    // Right (125, 104) is taken; below the pin (80, 125) is free.
    expect(spots.slice(0, 2)).toEqual([
      { x: 125, y: 104 },
      { x: 80, y: 125 },
    ]);
    expect(room.spot(pin, label, spots)).toEqual({ x: 80, y: 125 });
    // That spot is now taken: a second label of the same marker goes elsewhere (left).
    expect(room.spot(pin, label, spots)).toEqual({ x: 35, y: 104 });
  });

  it('finds no spot where every one covers a marker, and starts afresh with each layout', () => {
    const room = markerRoom();
    room.record({ dataIndex: 0, rect: pin });
    room.record({ dataIndex: 1, rect: { x: 0, y: 0, width: 300, height: 300 } });
    const spots = besideMarker(5, 'below')(pin, label);
    expect(room.spot(pin, label, spots)).toBeNull();
    // The next layout: only the pin.
    room.record({ dataIndex: 0, rect: pin });
    expect(room.spot(pin, label, spots)).toEqual({ x: 80, y: 125 });
  });
});
