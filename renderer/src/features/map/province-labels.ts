/** A province's name and where it is written. */
export interface ProvinceLabel {
  name: string;
  lng: number;
  lat: number;
}

/** A feature of the shipped boundary data: rings written as ECharts' compressed strings. */
export interface EncodedFeature {
  properties: { name: string; cp?: [number, number] };
  geometry: { type: string; coordinates: unknown; encodeOffsets: unknown };
}

type Ring = [number, number][];

/**
 * Where each province's name is written: the centre of its largest polygon when that lies in
 * it, its capital otherwise (a crescent's centre can lie outside it). ECharts writes names at the capital,
 * which is where a case's places and people stand (云南's name had been under 昆明's markers).
 */
export function provinceLabels(
  features: readonly EncodedFeature[],
  scale: number,
): ProvinceLabel[] {
  return features.flatMap((feature) => {
    const { type, coordinates, encodeOffsets } = feature.geometry;
    // Every ring with its offsets (a MultiPolygon's one level deeper): the data writes a
    // province's islands as further rings of one polygon, not as polygons of their own.
    const polygons = (
      type === 'MultiPolygon'
        ? (coordinates as string[][]).map(
            (rings, index) => [rings, (encodeOffsets as [number, number][][])[index]!] as const,
          )
        : [[coordinates as string[], encodeOffsets as [number, number][]] as const]
    ).flatMap(([rings, offsets]) =>
      rings.map((ring, index) => decodeRing(ring, offsets[index]!, scale)),
    );
    const largest = polygons.reduce((best, ring) =>
      Math.abs(area(ring)) > Math.abs(area(best)) ? ring : best,
    );
    const centre = centroid(largest);
    const [lng, lat] = inside(centre, largest) ? centre : (feature.properties.cp ?? centre);
    return [{ name: feature.properties.name, lng, lat }];
  });
}

function area(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    sum += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  return sum / 2;
}

function centroid(ring: Ring): [number, number] {
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const cross = ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
    x += (ring[j]![0] + ring[i]![0]) * cross;
    y += (ring[j]![1] + ring[i]![1]) * cross;
  }
  const a = area(ring) * 6;
  return [Math.round((x / a) * 1e4) / 1e4, Math.round((y / a) * 1e4) / 1e4];
}

/** Even-odd ray casting. */
function inside([x, y]: [number, number], ring: Ring): boolean {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** ECharts' compressed ring (parseGeoJson's decodeRing): zigzag deltas, two characters a point. */
function decodeRing(encoded: string, [x0, y0]: [number, number], scale: number): Ring {
  const ring: Ring = [];
  let x = x0;
  let y = y0;
  for (let i = 0; i < encoded.length; i += 2) {
    const dx = encoded.charCodeAt(i) - 64;
    const dy = encoded.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    ring.push([x / scale, y / scale]);
  }
  return ring;
}
