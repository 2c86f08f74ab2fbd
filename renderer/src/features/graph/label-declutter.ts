/** A label that could be drawn, in screen pixels. */
export interface LabelCandidate {
  id: string;
  /** Icons are obstacles only: labels are placed around them, never returned. */
  kind: 'node' | 'edge' | 'icon';
  /**
   * Higher first: what is highlighted (a path's entities), people and organisations, relation
   * names, then the rest; at `mustShowPriority` and above a label may cover another's icon.
   */
  priority: number;
  left: number;
  top: number;
  width: number;
  height: number;
  /** Font size on screen. */
  fontPx: number;
  /**
   * Other places for the same label, tried in order when its own is taken: an entity's name
   * above its icon (`raised`; a hub's name under its icon sits among its neighbours' icons),
   * a relation's name further along its line.
   */
  places?: { left: number; top: number; raised?: boolean }[];
  /** Chosen: drawn above the icon. */
  raised?: boolean;
}

/** Labels are never drawn smaller than this on screen (level of detail by zoom). */
export const minLabelPx = 11;

/**
 * The priority of a highlighted entity's label (a found path's): named even over a neighbour's
 * icon (the end of a path had been a bold node with no name).
 */
export const mustShowPriority = 1_000;

const overlaps = (a: LabelCandidate, b: LabelCandidate) =>
  a.left < b.left + b.width &&
  b.left < a.left + a.width &&
  a.top < b.top + b.height &&
  b.top < a.top + a.height;

/**
 * Which labels to draw: none below the minimum size, none outside the viewport, and no two
 * overlapping: a greedy pass in priority order over a grid of cells, so a crowded view keeps
 * its most important names and the rest show on hover or when zoomed in. O(n) for spread
 * labels, a few thousand a frame.
 */
export function chooseLabels(
  candidates: LabelCandidate[],
  viewport: { width: number; height: number },
  /** Icons on screen: a label may not cover another entity's icon (its own is above it). */
  icons: { id: string; left: number; top: number; width: number; height: number }[] = [],
): LabelCandidate[] {
  const cell = 64;
  const grid = new Map<string, LabelCandidate[]>();
  const cells = (label: LabelCandidate) => {
    const keys: string[] = [];
    for (
      let x = Math.floor(label.left / cell);
      x <= Math.floor((label.left + label.width) / cell);
      x += 1
    )
      for (
        let y = Math.floor(label.top / cell);
        y <= Math.floor((label.top + label.height) / cell);
        y += 1
      )
        keys.push(`${x},${y}`);
    return keys;
  };
  const chosen: LabelCandidate[] = [];
  for (const icon of icons) {
    const obstacle: LabelCandidate = { ...icon, kind: 'icon', priority: 0, fontPx: 0 };
    for (const key of cells(obstacle)) grid.set(key, [...(grid.get(key) ?? []), obstacle]);
  }
  const ordered = candidates
    .filter(
      (label) =>
        label.fontPx >= minLabelPx &&
        label.width > 0 &&
        [label, ...(label.places ?? [])].some(
          (place) => place.left + label.width > 0 && place.left < viewport.width,
        ),
    )
    .sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  const blocked = (label: LabelCandidate) =>
    label.left + label.width <= 0 ||
    label.left >= viewport.width ||
    label.top + label.height <= 0 ||
    label.top >= viewport.height ||
    cells(label).some((key) =>
      grid
        .get(key)
        ?.some(
          (other) =>
            !(
              other.kind === 'icon' &&
              label.kind === 'node' &&
              (other.id === label.id || label.priority >= mustShowPriority)
            ) && overlaps(label, other),
        ),
    );
  for (const label of ordered) {
    let placed: LabelCandidate | null = blocked(label) ? null : label;
    for (const place of label.places ?? []) {
      if (placed) break;
      const moved = { ...label, ...place };
      if (!blocked(moved)) placed = moved;
    }
    if (!placed) continue;
    chosen.push(placed);
    for (const key of cells(placed)) grid.set(key, [...(grid.get(key) ?? []), placed]);
  }
  return chosen;
}
