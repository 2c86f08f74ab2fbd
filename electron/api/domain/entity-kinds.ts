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
