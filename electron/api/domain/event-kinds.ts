/** Kinds of dated happenings on a case timeline. */
export const eventKinds = [
  'purchase',
  'delivery',
  'call',
  'meeting',
  'transfer',
  'arrest',
  'search',
  'test',
  'wastewater_alert',
  'seizure',
  'other',
] as const;
export type EventKind = (typeof eventKinds)[number];
