import { textEms } from './chart-look';

/** An entity of the supply-chain layout: its layer, its owner (things) and the room it needs. */
export interface ChainItem {
  id: string;
  level: number;
  /** A phone's, account's, vehicle's or place's owner: drawn beside it on its layer. */
  owner?: string;
  /** Icon radius. */
  radius: number;
  /** Width of its name (canvas units): its column is at least this wide. */
  labelWidth: number;
  /** Height of its name under the icon. */
  labelHeight: number;
}

export interface ChainPlacement {
  positions: Record<string, { x: number; y: number }>;
  /** The y of each layer, by level. */
  rows: Map<number, number>;
  /** What the layout covers, principals' names included (things' names show zoomed in). */
  bounds: { left: number; top: number; right: number; bottom: number };
}

/**
 * The room an entity's name takes under its icon, at `fontSize`: its widest line by the text-width
 * estimate (textEms; the chart's face draws CJK a full em), a line and a fifth per line. The chart
 * page and the command line measure names this way, so both lay a chain out alike.
 */
export function chainLabelBox(
  label: string,
  fontSize: number,
): Pick<ChainItem, 'labelWidth' | 'labelHeight'> {
  if (!label) return { labelWidth: 0, labelHeight: 0 };
  const lines = label.split('\n');
  return {
    labelWidth: Math.max(...lines.map((line) => textEms(line))) * fontSize + 4,
    labelHeight: lines.length * fontSize * 1.2 + 4,
  };
}

/** Between two columns of a layer, and between one layer's names and the next layer's icons. */
const columnGap = 18;
const rowGap = 8;
/** Between an owner's icon and its things, and between things. */
const thingGap = 6;
/** The most a chain's columns are spread apart to fill a wide room. */
const maxSpread = 2;

/**
 * The supply-chain layout: a row per layer, upstream at the top; on each row the principals
 * (people, organisations with a tier) in the order that crosses fewest supply lines
 * (barycentres, swept down and up), each as near the middle of those it is linked to as the row
 * allows; each principal's things in a line to the right of its icon, at its height (their
 * names show when zoomed in). Rows are as far apart as their names need, no more: the whole
 * chain fits a laptop's canvas at a zoom where people's names read.
 */
export function chainPositions(
  items: ChainItem[],
  edges: { from: string; to: string }[],
  /**
   * Width over height of the room the chain is fitted into (a canvas, a printed page). A chain
   * of many tiers is taller than the room is: fitted by its height, it had used less than half a
   * laptop canvas's width, its names crowded in the middle. Its columns then spread apart to the
   * room's shape (up to `maxSpread` times), which costs no zoom.
   */
  aspect?: number,
): ChainPlacement {
  const byId = new Map(items.map((item) => [item.id, item]));
  const thingsOf = new Map<string, ChainItem[]>();
  const principals: ChainItem[] = [];
  for (const item of items) {
    const owner = item.owner !== undefined ? byId.get(item.owner) : undefined;
    if (owner && owner.level === item.level && owner.owner === undefined)
      thingsOf.set(owner.id, [...(thingsOf.get(owner.id) ?? []), item]);
    else principals.push(item);
  }
  const principalOf = (id: string) => {
    const item = byId.get(id);
    return item && thingsOf.has(item.owner ?? '') ? item.owner! : id;
  };
  // Links between principals (a thing's link counts as its owner's), both ways.
  const links = new Map<string, string[]>();
  for (const edge of edges) {
    const [a, b] = [principalOf(edge.from), principalOf(edge.to)];
    if (a === b || !byId.has(a) || !byId.has(b)) continue;
    links.set(a, [...(links.get(a) ?? []), b]);
    links.set(b, [...(links.get(b) ?? []), a]);
  }
  const levels = [...new Set(principals.map((item) => item.level))].sort((a, b) => a - b);
  const rows = levels.map((level) => principals.filter((item) => item.level === level));
  const levelOf = new Map(principals.map((item) => [item.id, item.level]));

  // Each column's extent left and right of its principal's centre.
  const extent = new Map<string, { left: number; right: number }>();
  for (const item of principals) {
    const half = Math.max(item.radius, item.labelWidth / 2);
    let right = half;
    let thingsRight = item.radius;
    for (const thing of thingsOf.get(item.id) ?? []) thingsRight += thingGap + 2 * thing.radius;
    right = Math.max(right, thingsRight);
    extent.set(item.id, { left: half, right });
  }

  const x = new Map<string, number>();
  const pack = (row: ChainItem[]) => {
    let at = 0;
    row.forEach((item, index) => {
      const { left, right } = extent.get(item.id)!;
      at += index === 0 ? left : left + columnGap;
      x.set(item.id, at);
      at += right;
    });
    // Centred on 0.
    const shift = at / 2;
    for (const item of row) x.set(item.id, x.get(item.id)! - shift);
  };
  rows.forEach(pack);
  const barycentre = (item: ChainItem, wanted: (level: number) => boolean) => {
    const linked = (links.get(item.id) ?? []).filter((id) => wanted(levelOf.get(id) ?? -1));
    return linked.length
      ? linked.reduce((sum, id) => sum + x.get(id)!, 0) / linked.length
      : x.get(item.id)!;
  };
  // Order: a few sweeps down (by the rows above) and up (by the rows below).
  for (let sweep = 0; sweep < 4; sweep += 1) {
    const down = sweep % 2 === 0;
    const order = down ? rows.map((_, i) => i) : rows.map((_, i) => rows.length - 1 - i);
    for (const index of order) {
      const level = levels[index]!;
      const row = rows[index]!;
      const keys = new Map(
        row.map((item) => [item.id, barycentre(item, (l) => (down ? l < level : l > level))]),
      );
      row.sort((a, b) => keys.get(a.id)! - keys.get(b.id)!);
      pack(row);
    }
  }
  // Each principal towards the middle of everything it is linked to, keeping the order and the
  // gaps, never wider than the widest packed row (the fit would shrink the whole chain).
  const widest = Math.max(0, ...rows.map(rowWidth));
  for (let round = 0; round < 3; round += 1) {
    for (const row of rows) {
      const before = row.map((item) => x.get(item.id)!);
      place(row, (item) => barycentre(item, () => true));
      if (rowWidth(row) > widest + 1) row.forEach((item, i) => x.set(item.id, before[i]!));
    }
  }
  function rowWidth(row: ChainItem[]) {
    if (!row.length) return 0;
    const first = row[0]!;
    const last = row[row.length - 1]!;
    return (
      x.get(last.id)! + extent.get(last.id)!.right - (x.get(first.id)! - extent.get(first.id)!.left)
    );
  }
  /** Least squares placement of an ordered row at the wanted spots, gaps kept (pool adjacent violators). */
  function place(row: ChainItem[], wanted: (item: ChainItem) => number) {
    const offsets: number[] = [];
    let offset = 0;
    row.forEach((item, index) => {
      if (index > 0)
        offset += extent.get(row[index - 1]!.id)!.right + columnGap + extent.get(item.id)!.left;
      offsets.push(offset);
    });
    const blocks: { sum: number; count: number }[] = [];
    for (const [index, item] of row.entries()) {
      blocks.push({ sum: wanted(item) - offsets[index]!, count: 1 });
      while (blocks.length > 1) {
        const last = blocks[blocks.length - 1]!;
        const previous = blocks[blocks.length - 2]!;
        if (previous.sum / previous.count <= last.sum / last.count) break;
        blocks.pop();
        previous.sum += last.sum;
        previous.count += last.count;
      }
    }
    let index = 0;
    for (const block of blocks)
      for (let k = 0; k < block.count; k += 1, index += 1)
        x.set(row[index]!.id, block.sum / block.count + offsets[index]!);
  }

  // Rows as far apart as their icons and names need.
  const rowY = new Map<number, number>();
  let y = 0;
  let below = 0;
  rows.forEach((row, index) => {
    const above = Math.max(...row.map((item) => item.radius));
    if (index > 0) y += below + rowGap + above;
    rowY.set(levels[index]!, y);
    below = Math.max(
      ...row.flatMap((item) => [
        item.radius + item.labelHeight,
        ...(thingsOf.get(item.id) ?? []).map((thing) => thing.radius),
      ]),
    );
  });
  if (aspect !== undefined && principals.length > 1) {
    // From the first row's icons (its y is 0) to the last row's names.
    const height = y + below + Math.max(...rows[0]!.map((item) => item.radius));
    // The chain's width with its centres `spread` times as far apart (every gap grows).
    const widthAt = (spread: number) =>
      Math.max(...principals.map((item) => spread * x.get(item.id)! + extent.get(item.id)!.right)) -
      Math.min(...principals.map((item) => spread * x.get(item.id)! - extent.get(item.id)!.left));
    const wanted = aspect * height;
    let spread = 1;
    if (widthAt(1) < wanted) {
      // The largest spread, up to the most, at which the chain is no wider than the room's shape.
      let [low, high] = [1, maxSpread];
      if (widthAt(high) <= wanted) low = high;
      for (let step = 0; step < 30 && high - low > 1e-4; step += 1) {
        const middle = (low + high) / 2;
        if (widthAt(middle) <= wanted) low = middle;
        else high = middle;
      }
      spread = low;
    }
    if (spread > 1) for (const item of principals) x.set(item.id, x.get(item.id)! * spread);
  }
  const positions: Record<string, { x: number; y: number }> = {};
  const bounds = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
  for (const item of principals) {
    const at = { x: Math.round(x.get(item.id)!), y: Math.round(rowY.get(item.level)!) };
    positions[item.id] = at;
    const { left, right: reach } = extent.get(item.id)!;
    bounds.left = Math.min(bounds.left, at.x - left);
    bounds.right = Math.max(bounds.right, at.x + reach);
    bounds.top = Math.min(bounds.top, at.y - item.radius);
    bounds.bottom = Math.max(bounds.bottom, at.y + item.radius + item.labelHeight);
    let right = at.x + item.radius;
    for (const thing of thingsOf.get(item.id) ?? []) {
      positions[thing.id] = { x: Math.round(right + thingGap + thing.radius), y: at.y };
      right += thingGap + 2 * thing.radius;
    }
  }
  if (!principals.length) Object.assign(bounds, { left: 0, top: 0, right: 0, bottom: 0 });
  return { positions, rows: rowY, bounds };
}
