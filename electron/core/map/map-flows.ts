import type { MapRegion } from './map-regions';

interface SupplyLink {
  fromEntityId: string;
  toEntityId: string;
}

/** An exact seized amount in its normalised unit (mg, ml or count). */
export interface SeizedAmount {
  drugType: string;
  normalisedUnit: string;
  amount: number;
}

interface RegionFlow {
  fromKey: string;
  toKey: string;
  /** Supply relations between the two regions. */
  links: number;
  /** Distinct buyers in the destination region. */
  buyers: number;
  /** Seized from those buyers, per drug and unit: what is known to have arrived. */
  seized: SeizedAmount[];
}

interface FlowAggregate {
  flows: RegionFlow[];
  /** Supply relations inside one region (not drawn as a flow). */
  local: number;
  /** Supply relations with an end whose region is unknown. */
  unplaced: number;
}

/**
 * Aggregates supply relations (supplier → buyer) into flows between the supplier's region and
 * the buyer's region. A flow's quantity is what was seized from its buyers: relations carry no
 * quantity, seizures do, and a buyer's seizure is counted once per flow into its region.
 * Sorted by links, then quantity, then keys, so the output is the same for the same input.
 */
export function aggregateFlows(
  links: readonly SupplyLink[],
  regionOf: ReadonlyMap<string, MapRegion>,
  seizedFrom: ReadonlyMap<string, readonly SeizedAmount[]>,
): FlowAggregate {
  const flows = new Map<
    string,
    { fromKey: string; toKey: string; links: number; buyers: Set<string> }
  >();
  let local = 0;
  let unplaced = 0;
  for (const link of links) {
    const from = regionOf.get(link.fromEntityId);
    const to = regionOf.get(link.toEntityId);
    if (!from || !to) {
      unplaced += 1;
      continue;
    }
    if (from.key === to.key) {
      local += 1;
      continue;
    }
    const key = `${from.key}\u0000${to.key}`;
    const flow = flows.get(key) ?? {
      fromKey: from.key,
      toKey: to.key,
      links: 0,
      buyers: new Set(),
    };
    flow.links += 1;
    flow.buyers.add(link.toEntityId);
    flows.set(key, flow);
  }
  const result = [...flows.values()].map((flow): RegionFlow => {
    const totals = new Map<string, SeizedAmount>();
    for (const buyer of flow.buyers) {
      for (const seized of seizedFrom.get(buyer) ?? []) {
        const key = `${seized.drugType}\u0000${seized.normalisedUnit}`;
        const total = totals.get(key) ?? { ...seized, amount: 0 };
        total.amount += seized.amount;
        totals.set(key, total);
      }
    }
    return {
      fromKey: flow.fromKey,
      toKey: flow.toKey,
      links: flow.links,
      buyers: flow.buyers.size,
      seized: [...totals.values()].sort(
        (a, b) =>
          a.drugType.localeCompare(b.drugType) || a.normalisedUnit.localeCompare(b.normalisedUnit),
      ),
    };
  });
  const mass = (flow: RegionFlow) => flow.seized.reduce((sum, s) => sum + s.amount, 0);
  result.sort(
    (a, b) =>
      b.links - a.links ||
      mass(b) - mass(a) ||
      a.fromKey.localeCompare(b.fromKey) ||
      a.toKey.localeCompare(b.toKey),
  );
  return { flows: result, local, unplaced };
}
