/**
 * Markers stay on their places. Markers of one layer that would overlap on screen become one
 * marker with a count (listed on hover); the markers of different layers at one spot (a place,
 * the seizure there, a city's 户籍地 and 抓获地) are fanned out a few pixels round it. The
 * markers had gone round a ring that grew with their number: 11 markers of 杭州's places had
 * been drawn 55 px away, in 安徽, 江西, 江苏 and the sea.
 */

/** Screen pixels per degree of longitude and of latitude, as the map is drawn now. */
export interface MapScale {
  x: number;
  y: number;
}

/** Markers nearer than this on screen (pixels) stand at one spot. */
const spotPixels = 12;

/** How far from its spot a marker is fanned out, in pixels, however many stand there. */
const fanRadius = 7;

interface Point {
  lng: number;
  lat: number;
}

/**
 * Whether two points stand at one spot: nearer than `spotPixels` on screen at this scale, or
 * at the same coordinates where the scale is not known yet (the first drawing).
 */
function near(a: Point, b: Point, scale: MapScale | null): boolean {
  if (!scale) return Math.abs(a.lng - b.lng) < 1e-6 && Math.abs(a.lat - b.lat) < 1e-6;
  return Math.hypot((a.lng - b.lng) * scale.x, (a.lat - b.lat) * scale.y) < spotPixels;
}

/** Markers at one spot: drawn at the first one's coordinates, the others within reach. */
interface MarkerGroup<T> {
  lng: number;
  lat: number;
  members: T[];
}

/**
 * The items grouped by spot, in the order of their first member: each joins the first group
 * whose first member is near it, so a group's marker stands on a member's own coordinates and
 * every other member is within `spotPixels` of it (no chain of neighbours drifting away).
 */
export function groupNear<T extends Point>(
  items: readonly T[],
  scale: MapScale | null,
): MarkerGroup<T>[] {
  const groups: MarkerGroup<T>[] = [];
  for (const item of items) {
    const group = groups.find((candidate) => near(candidate, item, scale));
    if (group) group.members.push(item);
    else groups.push({ lng: item.lng, lat: item.lat, members: [item] });
  }
  return groups;
}

/**
 * Each marker's offset in pixels ([0, 0] when it stands alone), in the order given: the markers
 * of one spot go round it at `fanRadius`, from its right, clockwise on screen (the first, a
 * place named at its right, keeps its name clear of the others).
 */
export function fanOut(markers: readonly Point[], scale: MapScale | null): [number, number][] {
  const offsets: [number, number][] = markers.map(() => [0, 0]);
  const spots = groupNear(
    markers.map((marker, index) => ({ ...marker, index })),
    scale,
  );
  for (const { members } of spots) {
    if (members.length < 2) continue;
    members.forEach((member, position) => {
      const angle = (2 * Math.PI * position) / members.length;
      // To a tenth of a pixel, and 0 rather than −0 (cos ½π is not quite 0).
      offsets[member.index] = [
        Math.round(fanRadius * Math.cos(angle) * 10) / 10 || 0,
        Math.round(fanRadius * Math.sin(angle) * 10) / 10 || 0,
      ];
    });
  }
  return offsets;
}
