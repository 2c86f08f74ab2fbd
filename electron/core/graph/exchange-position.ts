/**
 * A chart position as the exchange files (GraphML, GEXF) write it: y points up, as in Gephi,
 * while the chart on screen and on paper counts y downwards. Both files use this one rule so
 * the same chart opened from either comes out the same way up.
 */
export function exchangePosition(position: { x: number; y: number }): { x: number; y: number } {
  return { x: position.x, y: -position.y };
}
