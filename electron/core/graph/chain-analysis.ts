import { sql } from 'drizzle-orm';
import { assignTiers, headTiers } from '../../api/domain/chain-tiers';
import type { ChainAnalysis, GraphData } from '../../api/schemas/graph-schemas';
import type { Executor } from '../db/database-types';
import { caseGraph, chunks } from './graph-data';

interface UpstreamFacts {
  id: string;
  supplied_by: number;
  transports_for: number;
  supplies_to: number;
}

/** For each person, whether anyone in the whole workspace is known upstream of them. */
function upstreamFacts(db: Executor, ids: string[]): Map<string, UpstreamFacts> {
  const facts = new Map<string, UpstreamFacts>();
  for (const part of chunks(ids)) {
    const idList = sql.join(
      part.map((id) => sql`${id}`),
      sql`, `,
    );
    for (const row of db.all<UpstreamFacts>(sql`
      SELECT e.id,
        (SELECT count(*) FROM relations r JOIN entities s ON s.id = r.from_entity_id AND s.deleted_at IS NULL AND s.merged_into_id IS NULL
          WHERE r.to_entity_id = e.id AND r.type = 'supplies' AND r.deleted_at IS NULL) AS supplied_by,
        (SELECT count(*) FROM relations r WHERE r.from_entity_id = e.id AND r.type = 'transports_for' AND r.deleted_at IS NULL) AS transports_for,
        (SELECT count(*) FROM relations r WHERE r.from_entity_id = e.id AND r.type = 'supplies' AND r.deleted_at IS NULL) AS supplies_to
      FROM entities e WHERE e.id IN (${idList})`)) {
      facts.set(row.id, row);
    }
  }
  return facts;
}

/**
 * The case's supply chain: every member's tier and layer, the sources, and the gaps: persons
 * who move drugs downstream (transport, distribution, retail) with nobody known upstream of
 * them anywhere in the workspace. 打击毒品犯罪必查毒品来源: each gap is a lead still open.
 */
export function chainAnalysis(
  db: Executor,
  caseId: string,
  chart: GraphData = caseGraph(db, caseId),
): ChainAnalysis {
  const members = assignTiers(chart);
  const persons = chart.nodes.filter((node) => node.kind === 'person' && node.inCase);
  const facts = upstreamFacts(
    db,
    persons.map((person) => person.id),
  );
  const tierOf = new Map(members.map((member) => [member.entityId, member.tier]));
  const gaps = persons
    .filter((person) => {
      const tier = tierOf.get(person.id);
      const fact = facts.get(person.id)!;
      const movesDrugs =
        tier === 'transport' ||
        tier === 'distribution' ||
        tier === 'retail' ||
        (fact.supplies_to > 0 && !tier);
      if (!movesDrugs || (tier && headTiers.has(tier))) return false;
      return fact.supplied_by === 0 && fact.transports_for === 0;
    })
    .map((person) => ({
      entityId: person.id,
      label: person.label,
      tier: tierOf.get(person.id) ?? null,
      suppliesTo: facts.get(person.id)!.supplies_to,
      legalStatus: person.legalStatus,
    }))
    .sort((a, b) => b.suppliesTo - a.suppliesTo || a.label.localeCompare(b.label));
  const sourceIds = members
    .filter((member) => member.tier && headTiers.has(member.tier))
    .map((member) => member.entityId)
    .sort();
  return { members, gaps, sourceIds };
}
