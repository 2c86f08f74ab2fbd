import { describe, expect, it } from 'vitest';
import { aggregateFlows, type SeizedAmount } from '../../../electron/core/map/map-flows';
import type { MapRegion } from '../../../electron/core/map/map-regions';

const region = (key: string, provinceName: string): MapRegion => ({
  key,
  provinceCode: key.slice(0, 6),
  provinceName,
  prefectureName: key.includes('/') ? key.split('/')[1]! : null,
});
const ruili = region('530000/瑞丽市', '云南');
const kunming = region('530000/昆明市', '云南');
const guangzhou = region('440000/广州市', '广东');
const binjiang = region('330000/滨江市', '浙江');

/** source → two couriers (Kunming, Guangzhou transit) → three dealers in 滨江 → one retail seller. */
const regionOf = new Map<string, MapRegion>([
  ['source', ruili],
  ['courierKm', kunming],
  ['courierGz', guangzhou],
  ['dealerA', binjiang],
  ['dealerB', binjiang],
  ['dealerC', binjiang],
  ['retail', binjiang],
]);
const meth = (amount: number): SeizedAmount => ({
  drugType: 'methamphetamine',
  normalisedUnit: 'mg',
  amount,
});
const seizedFrom = new Map<string, SeizedAmount[]>([
  ['dealerA', [meth(25_619_000), { drugType: 'ketamine', normalisedUnit: 'mg', amount: 5_000 }]],
  ['dealerB', [meth(381_000)]],
  ['dealerC', [meth(1)]],
  ['retail', [meth(118_600)]],
]);

describe('aggregateFlows', () => {
  it('adds supply relations up into flows between regions, with what was seized from the buyers', () => {
    const result = aggregateFlows(
      [
        { fromEntityId: 'source', toEntityId: 'courierKm' },
        { fromEntityId: 'source', toEntityId: 'courierGz' },
        { fromEntityId: 'courierKm', toEntityId: 'dealerA' },
        { fromEntityId: 'courierKm', toEntityId: 'dealerB' },
        // A second relation to the same buyer: counted as a link, its seizure only once.
        { fromEntityId: 'courierKm', toEntityId: 'dealerA' },
        { fromEntityId: 'courierGz', toEntityId: 'dealerC' },
        { fromEntityId: 'dealerA', toEntityId: 'retail' },
        { fromEntityId: 'dealerA', toEntityId: 'unknownBuyer' },
      ],
      regionOf,
      seizedFrom,
    );
    expect(result).toEqual({
      flows: [
        {
          fromKey: '530000/昆明市',
          toKey: '330000/滨江市',
          links: 3,
          buyers: 2,
          seized: [
            { drugType: 'ketamine', normalisedUnit: 'mg', amount: 5_000 },
            { drugType: 'methamphetamine', normalisedUnit: 'mg', amount: 26_000_000 },
          ],
        },
        {
          fromKey: '440000/广州市',
          toKey: '330000/滨江市',
          links: 1,
          buyers: 1,
          seized: [{ drugType: 'methamphetamine', normalisedUnit: 'mg', amount: 1 }],
        },
        { fromKey: '530000/瑞丽市', toKey: '440000/广州市', links: 1, buyers: 1, seized: [] },
        { fromKey: '530000/瑞丽市', toKey: '530000/昆明市', links: 1, buyers: 1, seized: [] },
      ],
      local: 1,
      unplaced: 1,
    });
  });

  it('gives nothing for no relations', () => {
    expect(aggregateFlows([], regionOf, seizedFrom)).toEqual({ flows: [], local: 0, unplaced: 0 });
  });
});
