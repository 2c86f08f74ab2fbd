import type { EntityKind } from './entity-kinds';
import type { LegalStatus } from './person-vocabulary';
import type { RelationType } from './relation-types';

/**
 * How the chart draws things, shared by the screen (vis-network), the exported SVG/PNG/PDF,
 * the briefing's charts and the GEXF colours, so a printed chart looks like the screen.
 */

/** White glyphs on the kind colour, 64×64, drawn as SVG paths (no icon font is needed offline). */
export const kindGlyphs: Record<EntityKind, string> = {
  person: '<circle cx="32" cy="24" r="9"/><path d="M15 50c2-10 9-15 17-15s15 5 17 15z"/>',
  organisation:
    '<circle cx="22" cy="26" r="6"/><circle cx="42" cy="26" r="6"/><circle cx="32" cy="20" r="7"/><path d="M12 48c1-8 6-12 12-12 3 0 5 1 8 3 3-2 5-3 8-3 6 0 11 4 12 12z"/>',
  location:
    '<path d="M32 12c-8 0-14 6-14 14 0 10 14 26 14 26s14-16 14-26c0-8-6-14-14-14zm0 19a5 5 0 1 1 0-10 5 5 0 0 1 0 10z"/>',
  phone:
    '<rect x="22" y="12" width="20" height="40" rx="4"/><rect x="26" y="17" width="12" height="26" fill="#000" opacity=".25"/>',
  vehicle:
    '<path d="M14 40v-8l5-10h26l5 10v8z"/><circle cx="22" cy="42" r="5"/><circle cx="42" cy="42" r="5"/>',
  account:
    '<rect x="12" y="20" width="40" height="26" rx="3"/><rect x="12" y="26" width="40" height="6" fill="#000" opacity=".3"/>',
  parcel:
    '<path d="M14 24l18-9 18 9v20l-18 9-18-9z"/><path d="M14 24l18 9 18-9M32 33v20" stroke="#000" stroke-opacity=".3" stroke-width="2" fill="none"/>',
};

/**
 * How each relation type is drawn: supply in red with an arrow downstream, money in gold …
 * Each type has its own dash pattern too, so a black-and-white print tells them apart (领导
 * and 团伙成员 had differed by width alone, 机主 and 使用 by a shade of grey).
 */
export const relationStyles: Record<
  RelationType,
  { color: string; dashes: boolean | number[]; width: number }
> = {
  supplies: { color: '#dc2626', dashes: false, width: 3 },
  transports_for: { color: '#ea580c', dashes: [8, 4], width: 2 },
  member_of: { color: '#7c3aed', dashes: [16, 3, 3, 3], width: 1.5 },
  leads: { color: '#6d28d9', dashes: [16, 4], width: 2.5 },
  employs: { color: '#8b5cf6', dashes: [4, 2, 4, 6], width: 1.5 },
  finances: { color: '#ca8a04', dashes: [10, 3, 2, 3], width: 2.5 },
  calls: { color: '#2563eb', dashes: [2, 4], width: 1.5 },
  kin: { color: '#16a34a', dashes: [10, 3, 2, 3, 2, 3], width: 1.5 },
  lives_with: { color: '#22c55e', dashes: [6, 3], width: 1.5 },
  owns: { color: '#64748b', dashes: [5, 2, 1, 2], width: 1 },
  uses: { color: '#94a3b8', dashes: [1, 2], width: 1 },
  co_offender: { color: '#92400e', dashes: [3, 2, 3, 6], width: 2 },
  protects: { color: '#111827', dashes: [18, 3, 2, 3, 2, 3], width: 2.5 },
  same_handset: { color: '#0891b2', dashes: [1, 3, 6, 3], width: 1.5 },
  other: { color: '#9ca3af', dashes: [3, 3], width: 1 },
};

/** Short relation names for labels on the chart (i2 link labels, edge labels in SVG): the UI's longer ones crowd it. */
export const relationShortNames: Record<RelationType, string> = {
  supplies: '供货',
  transports_for: '运输',
  member_of: '成员',
  leads: '领导',
  employs: '雇佣',
  finances: '资金往来',
  calls: '通话',
  kin: '亲属',
  lives_with: '同住',
  owns: '拥有',
  uses: '使用',
  co_offender: '同案',
  protects: '保护伞',
  same_handset: '同机',
  other: '其他',
};

/**
 * The same in English, about as short: the chart's label declutter drops a label that has no
 * room, and the UI's names (Transports for, Member of) left 14 of 59 relations labelled
 * against 32 in Chinese.
 */
export const englishRelationShortNames: Record<RelationType, string> = {
  supplies: 'supplies',
  transports_for: 'transports',
  member_of: 'member',
  leads: 'leads',
  employs: 'employs',
  finances: 'pays',
  calls: 'calls',
  kin: 'kin',
  lives_with: 'lives with',
  owns: 'owns',
  uses: 'uses',
  co_offender: 'co-offender',
  protects: 'protects',
  same_handset: 'same handset',
  other: 'other',
};

/**
 * A person's measure under the name on a chart, in English: as short as the Chinese (逮捕,
 * 取保候审), where the UI's full names ("Residential surveillance at a designated place") made
 * each name two to four times as wide. On the English supply chain at 1366 the wide names
 * spread the columns, the chart shrank, and 8 of 50 entities were named against 28 in Chinese.
 */
export const englishChartStatusNames: Record<Exclude<LegalStatus, 'none'>, string> = {
  at_large: 'At large',
  summoned: 'Summoned',
  detained: 'Detained',
  arrested: 'Arrested',
  bail: 'On bail',
  residential_surveillance: 'Res. surveillance',
  prosecuted: 'Prosecuted',
  sentenced: 'Sentenced',
  released: 'Released',
  designated_residence: 'Desig. residence',
  wanted_online: 'Wanted',
  administrative_detention: 'Admin. detention',
  compulsory_isolation: 'Compulsory rehab',
  community_treatment: 'Community treatment',
  community_rehabilitation: 'Community rehab',
};

/** Where along its curve a relation's name may go (0 one end, 1 the other), in the order tried. */
const edgeLabelSpots = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78];

/**
 * Centres beside a relation's curve at the spots along it, the name's box `clearance` px off
 * the curve (1: touching it; the printed chart also tries clear of an arrowhead's half width).
 */
export function edgeLabelBeside(
  along: (t: number) => { x: number; y: number },
  width: number,
  height: number,
  clearance: number,
): { x: number; y: number }[] {
  return edgeLabelSpots.flatMap((t) => {
    const [before, after] = [along(Math.max(0, t - 0.02)), along(Math.min(1, t + 0.02))];
    const length = Math.hypot(after.x - before.x, after.y - before.y) || 1;
    // The unit normal, and how far along it the box's edge is from its centre.
    const [nx, ny] = [-(after.y - before.y) / length, (after.x - before.x) / length];
    const reach = Math.abs(nx) * (width / 2) + Math.abs(ny) * (height / 2) + clearance;
    const point = along(t);
    return [1, -1].map((side) => ({
      x: point.x + side * nx * reach,
      y: point.y + side * ny * reach,
    }));
  });
}

/**
 * The centres a relation's name (a `width` × `height` box) may take, in the order tried: on
 * its curve at the middle, then further along it towards either end (the middle can sit under
 * a third entity, or on its parallel twin's name), then beside the curve at those spots,
 * touching it (a short relation between close entities has no room on its line). `along` is
 * the curve, t from 0 to 1, in the units of the box. One rule for the chart on screen and the
 * printed one (chart-svg-renderer).
 */
export function edgeLabelPlaces(
  along: (t: number) => { x: number; y: number },
  width: number,
  height: number,
): { x: number; y: number }[] {
  return [...edgeLabelSpots.map(along), ...edgeLabelBeside(along, width, height, 1)];
}

/** Display width of text in ems: CJK and full-width characters are 1, the rest about 0.56. */
export function textEms(text: string): number {
  let ems = 0;
  for (const char of text) ems += char.charCodeAt(0) > 0x2e7f ? 1 : 0.56;
  return ems;
}

/** Above this many entities the chart is drawn with dots and straight lines, so thousands draw quickly. */
export const compactChartAbove = 1_000;

const principalKinds = new Set<EntityKind>(['person', 'organisation']);

/** Icon radius of an entity on the chart: people and organisations larger; dots when compact. */
export function chartNodeRadius(kind: EntityKind, compact: boolean): number {
  const principal = principalKinds.has(kind);
  if (compact) return principal ? 10 : 7;
  return principal ? 22 : 16;
}

/** Font size of an entity's name on the chart: people's and organisations' larger. */
export function chartLabelSize(kind: EntityKind): number {
  return principalKinds.has(kind) ? 18 : 14;
}

/** The name under an entity on the chart: cut (ellipsise), its legal status on a second line. */
export function chartNodeLabel(label: string, statusLabel?: string): string {
  return statusLabel ? `${ellipsise(label)}\n(${statusLabel})` : ellipsise(label);
}

/** Labels longer than this many half-width columns are cut with an ellipsis. */
export const labelColumns = 16;

/**
 * A number that names its entity (a card or account of 19 digits, an IMEI, a waybill, a plate,
 * a foreign phone): cut, "622848039827…" names nothing on a printed chart.
 */
const wholeIdentifier = /^[+]?[0-9A-Za-z][0-9A-Za-z*#./_@-]{0,33}$/;

/**
 * The label as shown on a chart: at most `columns` half-width columns, an ellipsis where cut;
 * an identifier (digits and letters, up to 35) is never cut, alone or after a name (an account's
 * 中国农业银行 6228480398271645312, a parcel's 顺丰速运 SF1402…): the name is cut before it,
 * to two characters at least ("中国农业银行 6…" had named no account).
 */
export function ellipsise(text: string, columns = labelColumns): string {
  if (textEms(text) * 2 <= columns || wholeIdentifier.test(text)) return text;
  const named = /^(.+?)\s+(\S+)$/.exec(text);
  // After a name, a number or an address (6228…, SF1402…, lh1983@alipay.com), not a word.
  if (named && wholeIdentifier.test(named[2]!) && /\d|@/.test(named[2]!) && named[2]!.length >= 6) {
    const [, name, identifier] = named;
    const room = Math.max(columns - textEms(identifier!) * 2 - 1, 0);
    // A bank, platform or courier by the short name people use (建行, 农行, 支付宝, 顺丰); any
    // other name cut after its 中国 (中国建设银行 and 中国农业银行 had both printed as "中国…").
    if (textEms(name!) * 2 <= room) return `${name} ${identifier}`;
    const short = shortNameOf(name!);
    return `${short ?? cut(name!.replace(/^中国(?=.{3})/, ''), room, 2)} ${identifier}`;
  }
  return cut(text, columns, 0);
}

/** Short names of the banks, platforms and couriers an account or parcel is named by. */
const shortNames: [RegExp, string][] = [
  [/^中国工商银行/, '工行'],
  [/^中国建设银行/, '建行'],
  [/^中国农业银行/, '农行'],
  [/^中国银行/, '中行'],
  [/^中国邮政储蓄银行|^邮政储蓄银行|^邮储银行/, '邮储'],
  [/^交通银行/, '交行'],
  [/^招商银行/, '招行'],
  [/^中信银行/, '中信'],
  [/^中国光大银行|^光大银行/, '光大'],
  [/^中国民生银行|^民生银行/, '民生'],
  [/^兴业银行/, '兴业'],
  [/^浦发银行|^上海浦东发展银行/, '浦发'],
  [/^平安银行/, '平安'],
  [/^华夏银行/, '华夏'],
  [/^广发银行/, '广发'],
  [/^农村信用|^农村商业银行|^农商银行/, '农商'],
  [/^支付宝/, '支付宝'],
  [/^财付通|^微信/, '微信'],
  [/^顺丰/, '顺丰'],
  [/^中国邮政|^邮政/, '邮政'],
  [/^京东/, '京东'],
];

/** The short name of a well-known bank, platform or courier; null for any other name. */
function shortNameOf(name: string): string | null {
  for (const [pattern, short] of shortNames) if (pattern.test(name)) return short;
  return null;
}

/** The text cut to `columns` half-width columns with an ellipsis, keeping `least` characters. */
function cut(text: string, columns: number, least: number): string {
  if (textEms(text) * 2 <= columns) return text;
  let out = '';
  for (const char of text) {
    if (out.length >= least && textEms(`${out}${char}…`) * 2 > columns) break;
    out += char;
  }
  return `${out}…`;
}

/**
 * Pushes apart entities whose icon-and-label boxes overlap (a few rounds of pairwise
 * separation along the axis of least overlap), kept inside the box: a force layout packs
 * clusters tighter than a printed label needs.
 */
export function separate(
  points: { x: number; y: number }[],
  options: {
    /** Width of each point's box (icon or label, whichever is wider). */
    widths: number[];
    /** Height of each box (icon and label), or one for all. */
    height: number | number[];
    box: { left: number; top: number; right: number; bottom: number };
  },
): void {
  const { widths, box } = options;
  const heights = points.map((_, index) =>
    typeof options.height === 'number' ? options.height : options.height[index]!,
  );
  const widest = Math.max(...widths, 0);
  for (let round = 0; round < 60; round += 1) {
    let moved = false;
    const order = points.map((_, index) => index).sort((a, b) => points[a]!.x - points[b]!.x);
    for (let i = 0; i < order.length; i += 1) {
      const p = points[order[i]!]!;
      for (let j = i + 1; j < order.length; j += 1) {
        const q = points[order[j]!]!;
        const dx = q.x - p.x;
        if (dx >= widest) break;
        const width = (widths[order[i]!]! + widths[order[j]!]!) / 2;
        const dy = q.y - p.y;
        const overlapX = width - Math.abs(dx);
        const overlapY = (heights[order[i]!]! + heights[order[j]!]!) / 2 - Math.abs(dy);
        if (overlapX <= 0 || overlapY <= 0) continue;
        moved = true;
        const push = (overlapY / 2 + 0.5) * (dy >= 0 ? 1 : -1);
        // A pair held at the box's top or bottom edge moves sideways: pushed up or down it
        // was put back each round, and stayed overlapping (the briefing's 陈某辉 over 周某).
        const pinned =
          p.y - push < box.top ||
          p.y - push > box.bottom ||
          q.y + push < box.top ||
          q.y + push > box.bottom;
        if (overlapX * 1.5 < overlapY || pinned) {
          const sideways = overlapX / 2 + 0.5;
          p.x -= sideways;
          q.x += sideways;
        } else {
          p.y -= push;
          q.y += push;
        }
      }
    }
    for (const point of points) {
      point.x = Math.min(Math.max(point.x, box.left), box.right);
      point.y = Math.min(Math.max(point.y, box.top), box.bottom);
    }
    if (!moved) break;
  }
}
