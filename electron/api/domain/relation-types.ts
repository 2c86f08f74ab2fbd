/**
 * Relation types seen in practice. `supplies` runs upstream → downstream (上线 → 下线);
 * `finances` runs in the direction the money flows.
 */
export const relationTypes = [
  'supplies',
  'transports_for',
  'member_of',
  'leads',
  'employs',
  'finances',
  'calls',
  'kin',
  'lives_with',
  'owns',
  'uses',
  'co_offender',
  'protects',
  'same_handset',
  'other',
] as const;
export type RelationType = (typeof relationTypes)[number];

/** Admiralty grading: source reliability A–F, information credibility 1–6. */
export const sourceReliabilities = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const informationCredibilities = [1, 2, 3, 4, 5, 6] as const;
