export const entityKinds = [
  'person',
  'organisation',
  'location',
  'phone',
  'vehicle',
  'account',
  'parcel',
] as const;
export type EntityKind = (typeof entityKinds)[number];

export const organisationTypes = ['gang', 'company', 'venue', 'other'] as const;
export const locationTypes = [
  'factory',
  'stash_house',
  'trading_place',
  'residence',
  'venue',
  'border_crossing',
  'wastewater_plant',
  'other',
] as const;
export const accountTypes = ['bank', 'alipay', 'wechat', 'crypto', 'other'] as const;

/** Kind colours: chart nodes, the legend and printed charts use the same ones. */
export const kindColours: Record<EntityKind, string> = {
  person: '#2563eb',
  organisation: '#7c3aed',
  location: '#16a34a',
  phone: '#0891b2',
  vehicle: '#ea580c',
  account: '#ca8a04',
  parcel: '#db2777',
};
