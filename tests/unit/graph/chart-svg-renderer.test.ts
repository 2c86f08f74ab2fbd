import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { chartWords } from '../../../electron/core/graph/chart-document';
import { chartSvg, ellipsise, pageSizes } from '../../../electron/core/graph/chart-svg-renderer';
import {
  boxesMeet,
  chartIcons,
  chartRelations,
  relationsThroughIcons,
  textBoxes,
} from '../../helpers/chart-geometry';
import { edge, graph, node } from './fixtures';

const data = graph(
  [
    node('a', { label: '张某龙', legalStatus: 'at_large' }),
    node('b', { label: '李某华' }),
    node('ph', { kind: 'phone', label: '13800000000' }),
    node('car', { kind: 'vehicle', label: '浙A12345超长的车辆描述文字需要省略号' }),
    node('far', { label: '不在图上' }),
  ],
  [
    edge('b', 'a', 'supplies', 's1'),
    edge('a', 'b', 'finances', 'f1'),
    edge('a', 'ph', 'uses', 'u1'),
    edge('a', 'car', 'owns', 'o1'),
  ],
);
const positions = {
  a: { x: 0, y: 0 },
  b: { x: 200, y: 0 },
  ph: { x: 0, y: 150 },
  car: { x: 200, y: 150 },
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
});

/** Every element named `name` anywhere under `tree`, in document order. */
function all(tree: unknown, name: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (value && typeof value === 'object')
      for (const [key, child] of Object.entries(value)) {
        if (key === name) found.push(...(child as Record<string, unknown>[]));
        walk(child);
      }
  };
  walk(tree);
  return found;
}

const text = (element: Record<string, unknown> | string) =>
  typeof element === 'string' ? element : String(element['#text'] ?? '');

describe('chart SVG renderer', () => {
  const svg = chartSvg(data, positions, {
    ...pageSizes.A4,
    words: chartWords('zh-CN'),
    legend: 'right',
    title: {
      caseNo: 'A3301052026030015',
      caseTitle: '“3·15”贩卖冰毒案',
      unit: '滨江分局禁毒大队',
      date: '2026-03-20',
      user: '王警官',
      classification: '秘密',
    },
  });
  const tree = parser.parse(svg);

  it('is well-formed, one icon per placed entity, of its kind, with the full name as tooltip', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    const icons = all(tree, 'use').filter((use) => use['class'] === 'node-icon');
    expect(icons.map((use) => use['href'])).toEqual([
      '#icon-person',
      '#icon-person',
      '#icon-phone',
      '#icon-vehicle',
    ]);
    const symbols = all(tree, 'symbol').map((symbol) => symbol['id']);
    expect(symbols.sort()).toEqual(['icon-person', 'icon-phone', 'icon-vehicle']);
    const labels = all(tree, 'text')
      .filter((element) => element['class'] === 'node-label')
      .map(text);
    expect(labels).toEqual(['张某龙', '李某华', '13800000000', '浙A12345超长的…']);
    expect(all(tree, 'title').map(text)).toContain('浙A12345超长的车辆描述文字需要省略号');
    // At large: a red ring round the icon.
    expect(svg).toContain('stroke="#dc2626" stroke-width="2.5"');
  });

  it('has the title block: case, unit, user, date and the classification mark', () => {
    const block = all(tree, 'g').find((g) => g['class'] === 'title-block')!;
    expect(all(block, 'text').map(text)).toEqual([
      '“3·15”贩卖冰毒案',
      '案件编号：A3301052026030015\u3000单位：滨江分局禁毒大队',
      '制图：王警官\u3000日期：2026-03-20',
      '秘密',
    ]);
  });

  it('has a legend of the kinds and relation types present, and the scale', () => {
    const legend = all(tree, 'g').find((g) => g['class'] === 'legend')!;
    expect(all(legend, 'text').map(text)).toEqual([
      '人员',
      '电话',
      '车辆',
      '供货（上下线）',
      '资金往来',
      '机主（登记所有人）',
      '使用',
      // The red ring round the one at large.
      '在逃',
    ]);
    expect(text(all(tree, 'text').find((element) => element['class'] === 'scale')!)).toBe(
      '实体 4 个，关系 4 条',
    );
  });

  it('bends parallel relations apart and labels every relation', () => {
    const paths = all(tree, 'path').filter((path) => path['class'] === 'edge');
    expect(paths.map((path) => path['data-type'])).toEqual([
      'supplies',
      'finances',
      'uses',
      'owns',
    ]);
    const [supply, money, uses] = paths.map((path) => String(path['d']));
    expect(supply).toContain('Q');
    expect(money).toContain('Q');
    expect(supply).not.toEqual(money);
    expect(uses).not.toContain('Q');
    const edgeLabels = all(tree, 'text').filter((element) => element['class'] === 'edge-label');
    expect(edgeLabels.map(text)).toEqual(['供货', '资金往来', '使用', '拥有']);
    // The two bent labels sit on opposite sides of the straight line between the pair.
    const ys = edgeLabels.slice(0, 2).map((label) => Number(label['y']));
    const icons = all(tree, 'use').filter((use) => use['class'] === 'node-icon');
    const pairY = Number(icons[0]!['y']) + Number(icons[0]!['height']) / 2;
    expect(Number(icons[1]!['y']) + Number(icons[1]!['height']) / 2).toBe(pairY);
    expect(Math.sign(ys[0]! - pairY) * Math.sign(ys[1]! - pairY)).toBe(-1);
    expect(ys[0]).not.toBe(ys[1]);
  });

  it('prints a person’s legal status under the name, as the screen shows it', () => {
    const svg = chartSvg(
      graph(
        [
          node('a', { label: '李某华', legalStatus: 'arrested' }),
          node('b', { label: '岩某', legalStatus: 'at_large' }),
          node('c', { label: '黄某' }),
        ],
        [],
      ),
      { a: { x: 0, y: 0 }, b: { x: 200, y: 0 }, c: { x: 100, y: 150 } },
      { width: 800, height: 600, words: chartWords('zh-CN') },
    );
    expect([...svg.matchAll(/class="node-status"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual([
      '(逮捕)',
      '(在逃)',
    ]);
  });

  it('cuts long labels by display width', () => {
    expect(ellipsise('张三')).toBe('张三');
    expect(ellipsise('一二三四五六七八九十')).toBe('一二三四五六七…');
    expect(ellipsise('Golden Triangle Trading Co')).toBe('Golden Triang…');
  });

  it('never cuts a number that names its entity: a card, an IMEI, a waybill, a foreign phone', () => {
    for (const id of [
      '6228480398271645312',
      '861234567890123',
      'SF1234567890123456',
      '+959123456789',
    ])
      expect(ellipsise(id)).toBe(id);
    expect(ellipsise('6228 4803 9827 1645 312')).toBe('6228 4803 982…');
    // After a name, the name is cut before it: an account or a waybill is its number.
    // A bank, platform or courier by its short name (中国农业银行 and 中国建设银行 had both been
    // "中国…": two accounts no reader could tell apart on paper).
    expect(ellipsise('中国农业银行 6228480398271645312')).toBe('农行 6228480398271645312');
    expect(ellipsise('中国建设银行 6217001540009283746')).toBe('建行 6217001540009283746');
    expect(ellipsise('支付宝 lh1983@alipay.com')).toBe('支付宝 lh1983@alipay.com');
    expect(ellipsise('顺丰速运 SF1402938475621')).toBe('顺丰 SF1402938475621');
    expect(ellipsise('顺丰速运 SF14029384756219999')).toBe('顺丰 SF14029384756219999');
    expect(ellipsise('某某市小额贷款公司 6228480398271645312')).toBe('某某… 6228480398271645312');
    expect(ellipsise('Golden Triangle Trading Co')).toBe('Golden Triang…');
  });
});

describe('the supply chain printed', () => {
  // Two rows, wide; the boss's phone and car close beside him, as the chain layout puts them.
  const chain = graph(
    [
      node('boss', { label: '岩某' }),
      node('phone', { kind: 'phone', label: '13908829731' }),
      node('car', { kind: 'vehicle', label: '云A5K392' }),
      node('dealer', { label: '李某华' }),
      node('user', { label: '林某' }),
    ],
    [edge('boss', 'dealer', 'supplies', 's1'), edge('dealer', 'user', 'supplies', 's2')],
  );
  const rows = { boss: 0, phone: 0, car: 0, dealer: 70, user: 70 };
  const xs = { boss: 0, phone: 44, car: 82, dealer: 0, user: 1500 };
  const at = Object.fromEntries(
    Object.entries(rows).map(([id, y]) => [id, { x: xs[id as keyof typeof xs], y }]),
  );
  const svg = chartSvg(chain, at, {
    ...pageSizes.A4,
    words: chartWords('zh-CN'),
    tiers: [
      { y: 0, name: '毒源/上线' },
      { y: 70, name: '分销' },
      // Past the entities: not printed off the page.
      { y: 500, name: '吸毒' },
    ],
  });

  it('keeps each row at one height and names its tier at the left, at that height', () => {
    const tiers = [...svg.matchAll(/<g class="tier" data-y="([\d.]+)">.*?>([^<>]+)<\/text>/g)];
    expect(tiers.map((match) => match[2])).toEqual(['毒源/上线', '分销']);
    const centres = new Map(
      [
        ...svg.matchAll(
          /<title>([^<]*)<\/title><use class="node-icon"[^>]*? y="([\d.]+)" width="[\d.]+" height="([\d.]+)"/g,
        ),
      ].map((match) => [match[1], Number(match[2]) + Number(match[3]) / 2]),
    );
    const [top, next] = tiers.map((match) => Number(match[1]));
    expect(['岩某', '13908829731', '云A5K392'].map((name) => centres.get(name))).toEqual([
      top,
      top,
      top,
    ]);
    expect(['李某华', '林某'].map((name) => centres.get(name))).toEqual([next, next]);
  });

  it('names every entity, people and things, where no name covers another or an icon', () => {
    const names = textBoxes(svg, 'node-label');
    expect(names.map((name) => name.text).sort()).toEqual(
      ['13908829731', '云A5K392', '岩某', '李某华', '林某'].sort(),
    );
    expect(overlaps(names, chartIcons(svg))).toEqual([]);
    expect(svg).not.toContain('class="unlabelled"');
  });
});

/** Pairs of names that overlap, and names over an icon (their box meets its circle). */
function overlaps(names: ReturnType<typeof textBoxes>, icons: ReturnType<typeof chartIcons>) {
  const found: string[] = [];
  names.forEach((name, index) => {
    for (const other of names.slice(index + 1))
      if (boxesMeet(name, other)) found.push(`${name.text} / ${other.text}`);
    for (const icon of icons) {
      const x = Math.max(name.left, Math.min(icon.x, name.right));
      const y = Math.max(name.top, Math.min(icon.y, name.bottom));
      if (Math.hypot(x - icon.x, y - icon.y) < icon.r) found.push(`${name.text} on ${icon.name}`);
    }
  });
  return found;
}

// The demo's 分销 row as the chain lays it out: 张某龙 with his account, stash and gang close
// beside him, 黄某 and a phone, then 刘某 and 陈某辉 each with a phone; 李某华 a row above.
const row = graph(
  [
    node('lmh', { label: '李某华', legalStatus: 'arrested' }),
    node('zml', { label: '张某龙', legalStatus: 'arrested' }),
    node('acct', { kind: 'account', label: '中国农业银行 6228480398271645312' }),
    node('stash', { kind: 'location', label: '城东物流园仓库' }),
    node('gang', { kind: 'organisation', label: '张某龙贩毒团伙' }),
    node('hm', { label: '黄某' }),
    node('ph1', { kind: 'phone', label: '13857162094' }),
    node('lm', { label: '刘某', legalStatus: 'arrested' }),
    node('ph2', { kind: 'phone', label: '13600579312' }),
    node('cmh', { label: '陈某辉', legalStatus: 'arrested' }),
    node('ph3', { kind: 'phone', label: '17757103386' }),
    node('xm', { label: '许某', legalStatus: 'at_large' }),
  ],
  [
    edge('lmh', 'zml', 'supplies', 's1'),
    edge('lmh', 'lm', 'supplies', 's2'),
    edge('lm', 'xm', 'supplies', 's3'),
    edge('ph3', 'ph1', 'calls', 'call'),
    edge('lm', 'gang', 'member_of', 'member'),
    edge('zml', 'hm', 'kin', 'kin', { directed: false }),
    edge('zml', 'hm', 'lives_with', 'home', { directed: false }),
    edge('zml', 'ph1', 'uses', 'uses'),
    edge('zml', 'acct', 'owns', 'owns'),
    edge('lm', 'ph2', 'uses', 'uses2'),
    edge('cmh', 'ph3', 'uses', 'uses3'),
  ],
);
const rowAt = {
  lmh: { x: 300, y: 0 },
  zml: { x: 0, y: 140 },
  acct: { x: 44, y: 140 },
  stash: { x: 88, y: 140 },
  gang: { x: 132, y: 140 },
  hm: { x: 176, y: 140 },
  ph1: { x: 220, y: 140 },
  lm: { x: 420, y: 140 },
  ph2: { x: 464, y: 140 },
  cmh: { x: 600, y: 140 },
  ph3: { x: 644, y: 140 },
  xm: { x: 520, y: 280 },
};
const rowTiers = [
  { y: 0, name: '毒源/上线' },
  { y: 140, name: '分销' },
  { y: 280, name: '零包' },
];

describe('a printed chart shows no link that is not there', () => {
  const svg = chartSvg(row, rowAt, {
    ...pageSizes.A4,
    words: chartWords('zh-CN'),
    legend: 'right',
    tiers: rowTiers,
  });
  const relations = chartRelations(svg);
  const icons = chartIcons(svg);

  it('no relation runs over a third entity’s icon, on the rows or between them', () => {
    expect(relations).toHaveLength(11);
    expect(relationsThroughIcons(svg)).toEqual([]);
  });

  it('a call between two phones on one row arcs over the people between them, its name on the arc', () => {
    const call = relations.find((relation) => relation.type === 'calls')!;
    expect([call.from, call.to]).toEqual(['17757103386', '13857162094']);
    expect(call.kind).not.toBe('L');
    const rowY = icons.find((icon) => icon.name === '刘某')!.y;
    const r = icons[0]!.r;
    // Over 刘某 and 陈某辉 the arc is clear of their icons, above the row (names hang below).
    const over = (name: string) => {
      const x = icons.find((icon) => icon.name === name)!.x;
      return call.points.reduce((best, p) => (Math.abs(p.x - x) < Math.abs(best.x - x) ? p : best));
    };
    for (const name of ['刘某', '陈某辉', '13600579312'])
      expect(over(name).y).toBeLessThan(rowY - r);
    const label = textBoxes(svg, 'edge-label').find((box) => box.text === '通话')!;
    const centre = { x: (label.left + label.right) / 2, y: (label.top + label.bottom) / 2 };
    const fromCurve = Math.min(
      ...call.points.map((p) => Math.hypot(p.x - centre.x, p.y - centre.y)),
    );
    expect(fromCurve).toBeLessThan(12);
  });

  it('kin and living together, both rerouted past the account, stash and gang, stay apart', () => {
    const [kin, home] = ['kin', 'lives_with'].map((type) =>
      relations.find((relation) => relation.type === type)!,
    );
    expect([kin!.kind, home!.kind].every((kind) => kind !== 'L')).toBe(true);
    const [a, b] = [kin!.points[100]!, home!.points[100]!];
    expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(10);
  });

  it('names every entity, no name on another or on an icon, none below the print’s floor', () => {
    const names = textBoxes(svg, 'node-label');
    expect(names.map((name) => name.text).sort()).toEqual(
      row.nodes.map((entity) => ellipsise(entity.label)).sort(),
    );
    expect(overlaps([...names, ...textBoxes(svg, 'node-status')], icons)).toEqual([]);
    const sizes = [...svg.matchAll(/class="node-label"[^>]*font-size="([\d.]+)"/g)].map((m) =>
      Number(m[1]),
    );
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10);
  });

  it('in English too: relation labels keep off names and statuses, names carry a white halo', () => {
    const english = chartSvg(row, rowAt, {
      ...pageSizes.A4,
      words: chartWords('en'),
      legend: 'right',
      tiers: rowTiers,
    });
    expect(relationsThroughIcons(english)).toEqual([]);
    const names = [...textBoxes(english, 'node-label'), ...textBoxes(english, 'node-status')];
    expect(textBoxes(english, 'node-label')).toHaveLength(row.nodes.length);
    const labels = textBoxes(english, 'edge-label');
    expect(labels.length).toBeGreaterThan(0);
    expect(
      labels.flatMap((label) =>
        names
          .filter((name) => boxesMeet(label, name))
          .map((name) => `${label.text} / ${name.text}`),
      ),
    ).toEqual([]);
    expect(english).toMatch(/class="node-label"[^>]*stroke="#ffffff" stroke-width="4"/);
  });

  it('off the rows: a supply whose line would cross a gang’s icon bends round it', () => {
    const svg = chartSvg(
      graph(
        [
          node('lmh', { label: '李某华' }),
          node('gang', { kind: 'organisation', label: '张某龙贩毒团伙' }),
          node('zml', { label: '张某龙' }),
        ],
        [edge('lmh', 'zml', 'supplies', 's1'), edge('gang', 'zml', 'member_of', 'm1')],
      ),
      { lmh: { x: 0, y: 0 }, gang: { x: 150, y: 40 }, zml: { x: 300, y: 80 } },
      { ...pageSizes.A4, words: chartWords('zh-CN') },
    );
    expect(relationsThroughIcons(svg)).toEqual([]);
    expect(chartRelations(svg).map((relation) => relation.kind)).toEqual(['Q', 'L']);
  });
});

describe('a page too small for every name', () => {
  // 47 phones and their owner packed on four rows of a narrow page: not all can be named.
  const crowd = graph(
    [
      node('boss', { label: '岩某' }),
      ...Array.from({ length: 47 }, (_, index) =>
        node(`p${index}`, { kind: 'phone', label: `1390882${9700 + index}` }),
      ),
    ],
    [],
  );
  const at = Object.fromEntries(
    crowd.nodes.map((entity, index) => [
      entity.id,
      { x: (index % 12) * 44, y: Math.floor(index / 12) * 44 },
    ]),
  );
  const svg = chartSvg(crowd, at, {
    width: 640,
    height: 300,
    words: chartWords('zh-CN'),
    legend: 'right',
    tiers: [0, 44, 88, 132].map((y) => ({ y, name: `第${y / 44 + 1}层` })),
  });

  it('names the person, and each thing it names or counts: none goes unsaid', () => {
    const names = textBoxes(svg, 'node-label');
    expect(names.map((name) => name.text)).toContain('岩某');
    const counted = /<text class="unlabelled"[^>]*>另有 (\d+) 个实体未标名称</.exec(svg);
    expect(counted).not.toBeNull();
    expect(names.length + Number(counted![1])).toBe(48);
    expect(overlaps(names, chartIcons(svg))).toEqual([]);
    // Set apart from its icon, a name has a leader line to it.
    expect(svg).toContain('class="name-leader"');
  });
});
