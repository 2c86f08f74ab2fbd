/** A box on a drawing: left, top, width, height (the printed chart's and the briefing's). */
export type Box = [number, number, number, number];

/** Whether two boxes share any area (touching edges do not). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
}
