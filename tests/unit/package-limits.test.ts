import { describe, expect, it } from 'vitest';
import { assertWithinRowLimits } from '../../electron/core/io/package-limits';

// A package is one case: its rows per kind are bounded by DOMAIN's scale, so that receiving
// one never holds the workspace for more than seconds.

const limits = {
  entities: 20_000,
  caseEntities: 20_000,
  relations: 50_000,
  seizures: 5_000,
  custodySteps: 20_000,
  events: 20_000,
  eventEntities: 50_000,
  attachments: 500,
};

const refusal = (fn: () => void) => {
  try {
    fn();
    return null;
  } catch (error) {
    return {
      code: (error as { code: string }).code,
      details: (error as { details: unknown }).details,
    };
  }
};

describe('the rows one package may carry', () => {
  it.each(Object.entries(limits))('%s: %i pass, one more is refused', (list, limit) => {
    expect(refusal(() => assertWithinRowLimits({ [list]: new Array(limit) }))).toBeNull();
    expect(refusal(() => assertWithinRowLimits({ [list]: new Array(limit + 1) }))).toEqual({
      code: 'package.tooManyRows',
      details: { list, count: limit + 1, limit },
    });
  });

  it('reads nothing but the lists: anything else is left to the schema', () => {
    expect(refusal(() => assertWithinRowLimits(null))).toBeNull();
    expect(refusal(() => assertWithinRowLimits({ relations: 'many' }))).toBeNull();
  });
});
