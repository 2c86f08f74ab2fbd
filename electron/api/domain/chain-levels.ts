import type { GraphEdge, GraphNode } from '../schemas/graph-schemas';
import { assignTiers, neighbourLists, tierLevel } from './chain-tiers';
import type { ChainTier } from './person-vocabulary';

/**
 * Layers of the supply-chain layout, upstream first. Each tier gets a layer; within a tier,
 * who supplies whom adds layers (a southern source above the wholesaler it supplies, both
 * "source"). Phones, accounts, vehicles, places and untiered organisations sit on their
 * owner's layer, beside it (`owners`: the first tiered entity linked to them): each on a layer
 * of its own below its owner had doubled the rows, and the demo chain fitted whole had lost
 * 吸毒 and 毒资/保护伞 off the canvas's foot. Layers are numbered without gaps.
 */
export function chainLevels(
  nodes: GraphNode[],
  edges: GraphEdge[],
): {
  levels: Map<string, number>;
  tiers: Record<number, ChainTier>;
  owners: Map<string, string>;
  /** Layers of people in no tier and linked to none (a row that is no tier's, named apart). */
  untiered: number[];
} {
  const members = assignTiers({ nodes, edges, truncated: false });
  const tierOf = new Map(members.map((member) => [member.entityId, member.tier]));
  const depth = new Map(members.map((member) => [member.entityId, 0]));
  const sameTierSupplies = edges.filter(
    (edge) =>
      edge.type === 'supplies' &&
      tierOf.get(edge.from) &&
      tierOf.get(edge.from) === tierOf.get(edge.to),
  );
  // Longest supply run inside a tier, capped so a cycle cannot loop.
  for (let round = 0; round < 3; round += 1) {
    for (const edge of sameTierSupplies)
      depth.set(edge.to, Math.max(depth.get(edge.to)!, Math.min(depth.get(edge.from)! + 1, 3)));
  }
  const keyOf = new Map<string, number>();
  for (const member of members) {
    if (member.tier)
      keyOf.set(member.entityId, member.level * 100 + depth.get(member.entityId)! * 10);
  }
  const neighbours = neighbourLists(edges);
  const owners = new Map<string, string>();
  const tieredKeys = new Set(keyOf.values());
  const looseKeys = new Set<number>();
  for (const member of members) {
    if (member.tier) continue;
    const owner = (neighbours.get(member.entityId) ?? []).find((id) => tierOf.get(id));
    if (owner) owners.set(member.entityId, owner);
    else looseKeys.add(member.level * 100);
    keyOf.set(member.entityId, owner ? keyOf.get(owner)! : member.level * 100);
  }
  const keys = [...new Set(keyOf.values())].sort((a, b) => a - b);
  const layer = new Map(keys.map((key, index) => [key, index]));
  // Every row of a tier is named, a row under another of the same tier too (李某华, supplied
  // by 岩某 and of his tier, had sat on a row with no name).
  const tierAt = new Map(Object.entries(tierLevel).map(([tier, level]) => [level, tier]));
  const tiers: Record<number, ChainTier> = {};
  for (const key of keys) {
    const tier = tierAt.get(Math.floor(key / 100));
    if (tier && tieredKeys.has(key)) tiers[layer.get(key)!] = tier as ChainTier;
  }
  return {
    levels: new Map([...keyOf].map(([id, key]) => [id, layer.get(key)!])),
    tiers,
    owners,
    untiered: [...looseKeys].filter((key) => !tieredKeys.has(key)).map((key) => layer.get(key)!),
  };
}

/** Row numbers within a tier: short, and the same in Chinese and English. */
const circledNumbers = '①②③④⑤⑥⑦⑧⑨⑩';

/**
 * The name of each row of the supply-chain layout, by level: its tier's, or `untieredName` for
 * the row of people in no tier (under 毒资/保护伞 unnamed, they read as its). A tier over several
 * rows (a source supplied by another source) numbers them upstream first, 毒源/上线 ① above
 * 毒源/上线 ②: two rows of one name had read as a mistake. The chart page draws them at the left
 * of the rows; the printed chart, the CLI's included, prints them there.
 */
export function chainRowNames(
  chain: Pick<ReturnType<typeof chainLevels>, 'tiers' | 'untiered'>,
  tierName: Record<ChainTier, string>,
  untieredName: string,
): Record<number, string> {
  const rows = Object.entries(chain.tiers).sort(([a], [b]) => Number(a) - Number(b));
  const rowsOf = new Map<ChainTier, number>();
  for (const [, tier] of rows) rowsOf.set(tier, (rowsOf.get(tier) ?? 0) + 1);
  const seen = new Map<ChainTier, number>();
  return Object.fromEntries([
    ...rows.map(([level, tier]) => {
      const nth = (seen.get(tier) ?? 0) + 1;
      seen.set(tier, nth);
      const number = circledNumbers[nth - 1] ?? `(${nth})`;
      return [level, rowsOf.get(tier)! > 1 ? `${tierName[tier]} ${number}` : tierName[tier]];
    }),
    ...chain.untiered.map((level) => [String(level), untieredName]),
  ]);
}
