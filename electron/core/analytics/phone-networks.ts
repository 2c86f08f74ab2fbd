import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database-types';
import { inList } from './analytics-scope';

/** A mobile network: 中国移动 (and 广电, on its network), 中国联通, 中国电信. */
type Network = 'cmcc' | 'cu' | 'ct';

/** MNCs of the IMSI (460 xx) per network. */
const networkOfMnc: Record<string, Network> = {
  '00': 'cmcc', '02': 'cmcc', '04': 'cmcc', '07': 'cmcc', '08': 'cmcc', '13': 'cmcc', '15': 'cmcc',
  '01': 'cu', '06': 'cu', '09': 'cu', '10': 'cu',
  '03': 'ct', '05': 'ct', '11': 'ct', '12': 'ct',
}; // prettier-ignore

/** Number segments as issued (a number ported to another network, 携号转网, keeps its segment). */
const segments: [RegExp, Network][] = [
  [/^1(?:3[5-9]|34[0-8]|47|48|5[0-27-9]|65|72|78|8[2-478]|9[2578]|70[356])/, 'cmcc'],
  [/^1(?:3[0-2]|4[56]|5[56]|6[67]|7[156]|8[56]|96|70[47-9])/, 'cu'],
  [/^1(?:33|349|49|53|62|7[37]|74|8[019]|9[0139]|70[0-2])/, 'ct'],
];

/**
 * Each phone's network: by the IMSI its list gave (the SIM's own), else by its number's
 * segment; unknown where neither says.
 */
export function phoneNetworks(db: Executor, phoneIds: string[]): Map<string, Network> {
  const networks = new Map<string, Network>();
  for (let at = 0; at < phoneIds.length; at += 500) {
    const ids = inList(phoneIds.slice(at, at + 500));
    for (const row of db.all<{ id: string; number: string; imsi: string | null }>(sql`
      SELECT p.entity_id AS id, p.number AS number,
        (SELECT i.value FROM phone_identifiers i WHERE i.phone_id = p.entity_id AND i.type = 'imsi'
          ORDER BY i.seen_count DESC LIMIT 1) AS imsi
      FROM phones p WHERE p.entity_id IN (${ids})`)) {
      const byImsi = row.imsi?.startsWith('460') ? networkOfMnc[row.imsi.slice(3, 5)] : undefined;
      const bySegment = /^1\d{10}$/.test(row.number)
        ? segments.find(([pattern]) => pattern.test(row.number))?.[1]
        : undefined;
      const network = byImsi ?? bySegment;
      if (network) networks.set(row.id, network);
    }
  }
  return networks;
}

/**
 * Whether two phones can have been on one cell: a cell (LAC-CI, ECI) is one network's, and the
 * same numbers in 移动's network and 联通's are two places. 联通 and 电信 share their 4G/5G
 * sites (共建共享), so their phones can be on one. Unknown networks are not ruled out.
 */
export function mayShareCell(a: Network | undefined, b: Network | undefined): boolean {
  if (!a || !b || a === b) return true;
  return a !== 'cmcc' && b !== 'cmcc';
}
