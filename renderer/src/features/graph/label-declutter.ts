/** A label that could be drawn, in screen pixels. */
export interface LabelCandidate {
  id: string;
  /** Icons are obstacles only: labels are placed around them, never returned. */
  kind: 'node' | 'edge' | 'icon';
  /**
   * Higher first: what is highlighted (a path's entities), people and organisations, then
   * phones, accounts and the other things, relation names last; at `mustShowPriority` and
   * above a label may cover another's icon.
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
  places?: {
    left: number;
    top: number;
    /** Its own size there (a name beside the icon is drawn by the chart, not by vis-network). */
    width?: number;
    height?: number;
    raised?: boolean;
    beside?: boolean;
  }[];
  /** Chosen: drawn above the icon. */
  raised?: boolean;
  /** Chosen: drawn right or left of the icon (by the chart: vis-network draws names under). */
  beside?: boolean;
}

/** How far into an icon's box a name's box may reach, in screen pixels. */
const iconTolerancePx = 1;

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
    // A name's box that touches an icon's ring by under a pixel (its halo's padding, not its
    // glyphs) is not over it: 陈某辉's name half a pixel on 许某's ring had left him unnamed.
    const obstacle: LabelCandidate = {
      id: icon.id,
      kind: 'icon',
      priority: 0,
      fontPx: 0,
      left: icon.left + iconTolerancePx,
      top: icon.top + iconTolerancePx,
      width: icon.width - 2 * iconTolerancePx,
      height: icon.height - 2 * iconTolerancePx,
    };
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
  const inView = (box: { left: number; top: number; width: number; height: number }) =>
    box.left >= 0 &&
    box.top >= 0 &&
    box.left + box.width <= viewport.width &&
    box.top + box.height <= viewport.height;
  const iconOf = new Map(icons.map((icon) => [icon.id, icon]));
  for (const label of ordered) {
    const places = [label, ...(label.places ?? []).map((place) => ({ ...label, ...place }))];
    // Whole in view first: a name cut at the canvas edge (周某 "(Release…" at the right) reads
    // as a broken name while another of its places fits. Cut only beside an icon itself cut,
    // as when panning.
    const icon = iconOf.get(label.id);
    const cutAllowed = !icon || !inView(icon);
    const placed =
      places.find((place) => inView(place) && !blocked(place)) ??
      (cutAllowed ? places.find((place) => !blocked(place)) : undefined);
    if (!placed) continue;
    chosen.push(placed);
    for (const key of cells(placed)) grid.set(key, [...(grid.get(key) ?? []), placed]);
  }
  return chosen;
}

/** An entity where the layout put it (canvas units), for `makeRoomForNames`. */
interface PlacedEntity {
  id: string;
  x: number;
  y: number;
  radius: number;
  labelWidth: number;
  labelHeight: number;
  /** Its name must be drawn at the default view (a person under a measure). */
  principal: boolean;
}

/**
 * Moves lesser entities (phones, accounts, people without a measure), and principals not yet
 * cleared for, out of the room under a principal's icon where its name goes: down below the name, or to its left or right, whichever
 * is the shortest move that lands clear of every other icon and of the names already cleared.
 * An entity with nowhere to go stays. Returns the moves.
 */
export function makeRoomForNames(entities: PlacedEntity[]): [string, number, number][] {
  const gap = 4;
  const at = new Map(entities.map((entity) => [entity.id, { x: entity.x, y: entity.y }]));
  const cleared: { left: number; top: number; right: number; bottom: number }[] = [];
  const hits = (
    box: { left: number; top: number; right: number; bottom: number },
    x: number,
    y: number,
    radius: number,
  ) =>
    x + radius > box.left &&
    x - radius < box.right &&
    y + radius > box.top &&
    y - radius < box.bottom;
  const free = (mover: PlacedEntity, x: number, y: number) =>
    entities.every((other) => {
      if (other.id === mover.id) return true;
      const o = at.get(other.id)!;
      const reach = other.radius + mover.radius + gap;
      return Math.abs(o.x - x) >= reach || Math.abs(o.y - y) >= reach;
    }) && cleared.every((box) => !hits(box, x, y, mover.radius));
  const moves = new Map<string, [number, number]>();
  /** Principals whose names' room is cleared: they stay where they are from then on. */
  const settled = new Set<string>();
  const boxAt = (principal: PlacedEntity, p: { x: number; y: number }) => ({
    left: p.x - principal.labelWidth / 2 - 2,
    right: p.x + principal.labelWidth / 2 + 2,
    top: p.y + principal.radius,
    bottom: p.y + principal.radius + principal.labelHeight + 2,
  });
  for (const principal of entities.filter((entity) => entity.principal)) {
    let p = at.get(principal.id)!;
    // A settled principal's icon in the room under this one's name: this one moves sideways
    // clear of it, where it lands free (张某龙's icon 2 px into the room under 何某丽).
    for (const other of entities) {
      if (!settled.has(other.id)) continue;
      const o = at.get(other.id)!;
      const box = boxAt(principal, p);
      if (!hits(box, o.x, o.y, other.radius)) continue;
      const half = principal.labelWidth / 2 + 2;
      const to = [
        { x: o.x - other.radius - gap - half, y: p.y },
        { x: o.x + other.radius + gap + half, y: p.y },
      ]
        .sort((a, b) => Math.abs(a.x - p.x) - Math.abs(b.x - p.x))
        .find(
          (option) =>
            free(principal, option.x, option.y) &&
            entities.every(
              (third) =>
                !settled.has(third.id) ||
                !hits(
                  boxAt(principal, option),
                  at.get(third.id)!.x,
                  at.get(third.id)!.y,
                  third.radius,
                ),
            ),
        );
      if (!to) continue;
      at.set(principal.id, to);
      moves.set(principal.id, [to.x, to.y]);
      p = to;
    }
    settled.add(principal.id);
    const box = boxAt(principal, p);
    for (const other of entities) {
      // A principal not yet settled moves too (冯某's icon had sat where 张某龙's name goes).
      if (settled.has(other.id)) continue;
      const o = at.get(other.id)!;
      if (!hits(box, o.x, o.y, other.radius)) continue;
      const options = [
        { x: o.x, y: box.bottom + other.radius + gap },
        { x: box.left - other.radius - gap, y: o.y },
        { x: box.right + other.radius + gap, y: o.y },
      ].sort((a, b) => Math.hypot(a.x - o.x, a.y - o.y) - Math.hypot(b.x - o.x, b.y - o.y));
      const to = options.find((option) => free(other, option.x, option.y));
      if (!to) continue;
      at.set(other.id, to);
      moves.set(other.id, [to.x, to.y]);
    }
    cleared.push(box);
  }
  return [...moves].map(([id, [x, y]]) => [id, x, y]);
}

/** An entity's name as vis-network draws it under the icon, for `nodeLabelBox`. */
interface DrawnName {
  /** The icon's centre on screen. */
  x: number;
  y: number;
  scale: number;
  /** The icon's radius and the name's font size and white halo (stroke width), in canvas units. */
  radius: number;
  fontSize: number;
  halo: number;
  lines: number;
  /** The widest line on screen. */
  width: number;
  /** The glyphs' extent above and below the hanging baseline, at `fontSize` (measureText). */
  ascent: number;
  descent: number;
}

/**
 * The box on screen that an entity's name covers as vis-network draws it under a circular icon:
 * the first line's hanging baseline half a font size and 4 units below the icon's edge, each
 * further line a font size lower, the glyphs and their halo around it. The declutter had checked
 * a box from the icon's edge down, the text drawn 3–4 px lower: "(逮捕)" went under a
 * neighbour's icon and 成员 over 朱某 while the check passed.
 */
export function nodeLabelBox(name: DrawnName): {
  left: number;
  top: number;
  width: number;
  height: number;
} {
  const baseline = name.y + (name.radius + name.fontSize / 2 + 4) * name.scale;
  const top = baseline - (name.ascent + name.halo / 2) * name.scale;
  const bottom =
    baseline + ((name.lines - 1) * name.fontSize + name.descent + name.halo / 2) * name.scale;
  const width = name.width + name.halo * name.scale;
  return { left: name.x - width / 2, top, width, height: bottom - top };
}
