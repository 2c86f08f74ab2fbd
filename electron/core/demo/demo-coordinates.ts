import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database-types';

/**
 * Coordinates of the demo's places, so the map draws the chain. 滨江市 is FICTIONAL: its places
 * sit in northern Zhejiang, where the region codes of its residents (3301xx) put it, at made-up
 * spots that name no real address. The Kunming place is at a real position in Kunming's Guandu
 * district (a car park is all the demo says of it).
 */
const demoCoordinates: Record<string, { lat: number; lng: number }> = {
  stash_east: { lat: 30.3012, lng: 120.2986 },
  n2o_warehouse: { lat: 30.3147, lng: 120.3561 },
  wwtp_west: { lat: 30.2488, lng: 120.0512 },
  xiyuan: { lat: 30.2714, lng: 120.1033 },
  kunming_trade: { lat: 25.0199, lng: 102.7431 },
};

/** Sets the coordinates above on the seeded places (`entityId` maps a demo key to its id). */
export function applyDemoCoordinates(tx: Executor, entityId: (key: string) => string): void {
  for (const [key, { lat, lng }] of Object.entries(demoCoordinates)) {
    tx.run(sql`UPDATE locations SET latitude = ${lat}, longitude = ${lng}
      WHERE entity_id = ${entityId(key)}`);
  }
}
