/**
 * Markers of one spot spread on a small ring around it. A city's place, seizure, 户籍地 and
 * 抓获地 markers had been drawn on one point (滨江: four markers, one visible).
 */

/** Markers nearer than this (degrees) stand at one spot: a city and a place in it. */
const sameSpot = 0.2;

interface Marker {
  lng: number;
  lat: number;
}

/**
 * Each marker's offset in pixels ([0, 0] when it stands alone), in the order given. A spot's
 * markers go round a ring from its right, clockwise on screen, the ring wider the more they
 * are: the first (a place, named at its right) keeps its name clear of the others.
 */
export function spreadMarkers(markers: readonly Marker[]): [number, number][] {
  const spots: number[][] = [];
  markers.forEach((marker, index) => {
    const spot = spots.find((members) =>
      members.some(
        (member) =>
          Math.abs(markers[member]!.lng - marker.lng) < sameSpot &&
          Math.abs(markers[member]!.lat - marker.lat) < sameSpot,
      ),
    );
    if (spot) spot.push(index);
    else spots.push([index]);
  });
  const offsets: [number, number][] = markers.map(() => [0, 0]);
  for (const members of spots) {
    if (members.length < 2) continue;
    const radius = Math.max(9, 5 * members.length);
    members.forEach((member, position) => {
      const angle = (2 * Math.PI * position) / members.length;
      // To a tenth of a pixel, and 0 rather than −0 (cos ½π is not quite 0).
      offsets[member] = [
        Math.round(radius * Math.cos(angle) * 10) / 10 || 0,
        Math.round(radius * Math.sin(angle) * 10) / 10 || 0,
      ];
    });
  }
  return offsets;
}
