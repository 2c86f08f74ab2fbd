/**
 * Labels placed clear of the map's markers. ECharts' own overlap check (hideOverlap) weighs
 * labels against labels only: a place's name had run over the people's markers beside it,
 * 滨江市's count under the seizures' diamonds, 云南 under 昆明's arrest triangle. ECharts gives a
 * label layout callback its own marker's box and nothing else, so an unseen series of guards
 * (one per marker, the marker's size, laid out before every label) reports where the markers
 * are; each label then takes the first of its spots that covers none.
 */

export interface ScreenRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Room kept between a label and a marker, in pixels. */
const clearance = 2;

/** Room kept between two labels, in pixels, over the clearance. */
const labelGap = 2;

const intersects = (a: ScreenRect, b: ScreenRect) =>
  a.x < b.x + b.width + clearance &&
  b.x < a.x + a.width + clearance &&
  a.y < b.y + b.height + clearance &&
  b.y < a.y + a.height + clearance;

const same = (a: ScreenRect, b: ScreenRect) =>
  Math.abs(a.x - b.x) < 0.5 &&
  Math.abs(a.y - b.y) < 0.5 &&
  Math.abs(a.width - b.width) < 0.5 &&
  Math.abs(a.height - b.height) < 0.5;

/** Where a label may stand (its top-left corner), in the order tried. */
export type LabelSpots = (
  own: ScreenRect,
  label: { width: number; height: number },
) => {
  x: number;
  y: number;
}[];

/**
 * Beside a marker, `gap` pixels off it: on the side given first (a place's name at its right, a
 * count below its circle), then right, below, left, above, then the corners.
 */
export function besideMarker(gap: number, first: 'right' | 'below'): LabelSpots {
  return (own, { width, height }) => {
    const middleX = own.x + own.width / 2 - width / 2;
    const middleY = own.y + own.height / 2 - height / 2;
    const right = own.x + own.width + gap;
    const left = own.x - gap - width;
    const below = own.y + own.height + gap;
    const above = own.y - gap - height;
    const sides = [
      { x: right, y: middleY },
      { x: middleX, y: below },
      { x: left, y: middleY },
      { x: middleX, y: above },
    ];
    if (first === 'below') sides.unshift(sides.splice(1, 1)[0]!);
    return [
      ...sides,
      { x: right, y: below },
      { x: right, y: above },
      { x: left, y: below },
      { x: left, y: above },
    ];
  };
}

/**
 * A name written at a point (a province's): on it, then above, below, left or right of it, then
 * a little further (a label of the data beside its spot had taken 广西's room).
 */
export const aroundPoint: LabelSpots = (own, { width, height }) => {
  const x = own.x + own.width / 2 - width / 2;
  const y = own.y + own.height / 2 - height / 2;
  return [
    { x, y },
    { x, y: y - height },
    { x, y: y + height },
    { x: x - width / 2 - 4, y },
    { x: x + width / 2 + 4, y },
    { x, y: y - 2 * height },
    { x, y: y + 2 * height },
    { x: x - width - 8, y },
    { x: x + width + 8, y },
  ];
};

/**
 * The markers' boxes of the latest layout, and the spot each label takes: labels are placed in
 * the order ECharts lays them out (series order), each clear of the markers and of the labels
 * placed before it (the flows' first).
 */
export function markerRoom(
  /** Boxes no label may cover in any layout (the legend, drawn over the map). */
  blocked: readonly ScreenRect[] = [],
) {
  const markers: ScreenRect[] = [...blocked];
  return {
    /** The guards' layout callback: records its marker (the first guard starts a new layout). */
    record(params: { dataIndex: number; rect: ScreenRect }) {
      if (params.dataIndex === 0) markers.splice(0, markers.length, ...blocked);
      markers.push({ ...params.rect });
      return {};
    },
    /**
     * The first of `spots` where a label of this size covers no marker but its own and no label
     * placed before it, or null when every one does. The spot taken is kept from later labels.
     */
    spot(
      own: ScreenRect,
      label: { width: number; height: number },
      spots: { x: number; y: number }[],
    ): { x: number; y: number } | null {
      const others = markers.filter((marker) => !same(marker, own));
      const found =
        spots.find((spot) =>
          others.every(
            (marker) =>
              !intersects(
                { x: spot.x, y: spot.y, width: label.width, height: label.height },
                marker,
              ),
          ),
        ) ?? null;
      // Kept with a margin: two names that touched read as one (香港揭阳市：2人).
      if (found)
        markers.push({
          x: found.x - labelGap,
          y: found.y - labelGap,
          width: label.width + 2 * labelGap,
          height: label.height + 2 * labelGap,
        });
      return found;
    },
  };
}
