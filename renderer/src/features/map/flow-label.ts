/**
 * Where a flow's label stands: beside its curve, on the side the curve bends to, clear of it.
 * Drawn along the curve's middle the label had been struck through by its own line and, one
 * line long, had run over three provinces.
 *
 * ECharts draws a flow from p1 to p2 (screen points) as the quadratic curve through the control
 * point mid + curveness·(y2 − y1, x1 − x2). Its tangent at the middle (t = ½) is parallel to the
 * chord, and the whole curve lies on the chord's side of that tangent, so a box wholly beyond
 * the tangent cannot touch the curve.
 */

/** A geoJSON map is drawn with a degree of longitude 0.75 of a degree of latitude (ECharts). */
const aspectScale = 0.75;

interface FlowLabelAnchor {
  /** The curve's middle point, in longitude and latitude. */
  apex: [number, number];
  /** The unit normal, on screen (y down), from the chord towards the bend. */
  normal: [number, number];
}

/**
 * The middle of the curve from `from` to `to` (longitude, latitude) and the direction it bends
 * to on screen. Both hold at every zoom: the screen is the map scaled by one factor.
 */
export function flowLabelAnchor(
  from: [number, number],
  to: [number, number],
  curveness: number,
): FlowLabelAnchor {
  const dLng = to[0] - from[0];
  const dLat = to[1] - from[1];
  // On screen (x = 0.75·k·lng, y = −k·lat) the middle is mid + ½·curveness·(dy, −dx).
  const apex: [number, number] = [
    (from[0] + to[0]) / 2 - (curveness / 2) * (dLat / aspectScale),
    (from[1] + to[1]) / 2 + (curveness / 2) * aspectScale * dLng,
  ];
  const nx = -dLat * Math.sign(curveness);
  const ny = -aspectScale * dLng * Math.sign(curveness);
  const length = Math.hypot(nx, ny) || 1;
  return { apex, normal: [nx / length, ny / length] };
}

/**
 * The centre of a `width` × `height` box that touches no point of the curve: pushed from the
 * curve's middle along the normal until its nearest corner is `gap` pixels beyond the tangent.
 */
export function besideCurve(
  apex: { x: number; y: number },
  normal: [number, number],
  width: number,
  height: number,
  gap: number,
): { x: number; y: number } {
  const reach = (Math.abs(normal[0]) * width) / 2 + (Math.abs(normal[1]) * height) / 2 + gap;
  return { x: apex.x + normal[0] * reach, y: apex.y + normal[1] * reach };
}

/**
 * Points along the curve from `from` to `to` (longitude, latitude), the ends left out, about
 * `spacing` pixels apart at `pixelsPerDegree` (of latitude): labels are kept off them (a
 * city's count had been written across the flow into it).
 */
export function flowCurvePoints(
  from: readonly [number, number],
  to: readonly [number, number],
  curveness: number,
  pixelsPerDegree: number,
  spacing = 8,
): [number, number][] {
  const dLng = to[0] - from[0];
  const dLat = to[1] - from[1];
  // The control point: twice the apex's offset from the chord's middle (see flowLabelAnchor).
  const control: [number, number] = [
    (from[0] + to[0]) / 2 - curveness * (dLat / aspectScale),
    (from[1] + to[1]) / 2 + curveness * aspectScale * dLng,
  ];
  const length = Math.hypot(dLng * aspectScale, dLat) * pixelsPerDegree * 1.1;
  const count = Math.min(Math.max(Math.ceil(length / spacing), 8), 600);
  const points: [number, number][] = [];
  for (let step = 1; step < count; step++) {
    const t = step / count;
    const along = (a: number, c: number, b: number) =>
      (1 - t) * (1 - t) * a + 2 * (1 - t) * t * c + t * t * b;
    points.push([along(from[0], control[0], to[0]), along(from[1], control[1], to[1])]);
  }
  return points;
}
