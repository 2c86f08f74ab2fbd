import { ProcedureError } from './cli-context';
import type { CliClient } from './cli-router';

/**
 * The entity a command-line argument names: its entity ID, or what an investigator has to hand
 * (a phone number, ID number, plate, account or waybill, or a name) when exactly one entity
 * carries it. Found through the workspace search, so the CLI finds what the search box finds;
 * only exact matches count (李某 does not name 李某华), and a value two entities share is
 * refused with both listed rather than one picked.
 */
export async function resolveEntityReference(
  client: CliClient,
  reference: string,
): Promise<string> {
  const wanted = reference.normalize('NFKC').trim();
  const result = await client.call('search.query', { text: wanted, limitPerGroup: 100 });
  const exact = result.groups
    .filter((group) => group.type !== 'case')
    .flatMap((group) => group.hits)
    .filter((hit) => hit.matchedBy === 'identifier' || hit.title === wanted);
  if (exact.length === 1) return exact[0]!.id;
  if (exact.length > 1)
    throw new ProcedureError({
      code: 'entities.referenceAmbiguous',
      message: 'More than one entity matches',
      details: {
        reference: wanted,
        count: exact.length,
        candidates: exact
          .map((hit) => `\n  ${hit.title}${hit.subtitle ? `  ${hit.subtitle}` : ''}  ${hit.id}`)
          .join(''),
      },
    });
  try {
    return (await client.call('entities.get', { id: wanted })).id;
  } catch (error) {
    if (error instanceof ProcedureError && error.error.code === 'entities.notFound')
      throw new ProcedureError({
        code: 'entities.referenceUnknown',
        message: 'No entity matches',
        details: { reference: wanted },
      });
    throw error;
  }
}
