import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  exportedEntities,
  listedEntityLimit,
} from '../../../electron/core/graph/exported-entities';
import type { Executor } from '../../../electron/core/db/database-types';

/** No entity in any case. */
const noCases = { all: () => [] } as unknown as Executor;
const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

describe('exportedEntities', () => {
  it('lists a small chart’s IDs sorted and once each, with count and hash', () => {
    expect(exportedEntities(noCases, ['c', 'a', 'b', 'a'])).toEqual({
      entityCount: 3,
      entityIdsSha256: sha256('a\nb\nc'),
      entityIds: ['a', 'b', 'c'],
      caseIds: [],
    });
  });

  it('names a chart over the limit by count and hash only', () => {
    const ids = Array.from(
      { length: listedEntityLimit + 1 },
      (_, index) => `e${String(index).padStart(4, '0')}`,
    );
    expect(exportedEntities(noCases, [...ids].reverse())).toEqual({
      entityCount: 501,
      entityIdsSha256: sha256(ids.join('\n')),
      caseIds: [],
    });
  });
});
