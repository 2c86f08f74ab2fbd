import { AppError } from '../app-error';

/**
 * The most rows of each kind one package may carry. A package is one case, or a set of
 * entities chosen for another unit. By DOMAIN.md a unit's whole database after ten years is
 * ~100k persons and ~1M relations, a regional department's year 2,723 cases, and the largest
 * chart an investigator explores a few thousand nodes: a case's people and links are in the
 * thousands, tens of thousands with its call and money links. A package beyond these limits
 * carries a fifth of a unit's database or more, not a case. It is refused before it is
 * checked or written, and exporting one is refused too: its write holds the receiving
 * workspace (20,000 relations ~1 s; 199,000 took 33 s on the bench's loaded machine).
 */
const packageRowLimits = {
  entities: 20_000,
  caseEntities: 20_000,
  relations: 50_000,
  seizures: 5_000,
  custodySteps: 20_000,
  events: 20_000,
  eventEntities: 50_000,
  attachments: 500,
} as const;

/**
 * Refuses a package (parsed, or a snapshot about to be sealed) with more rows of a kind than
 * its limit (package.tooManyRows), counting the lists only: nothing else of it is read.
 */
export function assertWithinRowLimits(parsed: unknown): void {
  if (typeof parsed !== 'object' || parsed === null) return;
  for (const [list, limit] of Object.entries(packageRowLimits)) {
    const rows = (parsed as Record<string, unknown>)[list];
    if (Array.isArray(rows) && rows.length > limit)
      throw new AppError('package.tooManyRows', 'The package carries more rows than a case has', {
        list,
        count: rows.length,
        limit,
      });
  }
}
