import { AppError } from '../app-error';

/**
 * The most rows of each kind one package may carry. A package is one case, or a set of
 * entities chosen for another unit (at most 50,000, as `package.export` takes them). By
 * DOMAIN.md a unit's whole database after ten years is ~100k persons and ~1M relations, and
 * the largest chart an investigator explores a few thousand nodes: a package beyond these
 * limits carries a large part of a unit's database, not a case, and is refused before it is
 * checked or written (it would also hold the receiving workspace for minutes). Relations get
 * the most room: a gang's call and money links run to tens of thousands.
 */
const packageRowLimits = {
  entities: 50_000,
  caseEntities: 50_000,
  relations: 200_000,
  seizures: 5_000,
  custodySteps: 20_000,
  events: 20_000,
  eventEntities: 100_000,
  attachments: 500,
} as const;

/**
 * Refuses a parsed package with more rows of a kind than its limit (package.tooManyRows),
 * counting the lists only: nothing else of it has been read yet.
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
