import type { CallColumns } from './call-columns';
import { settleListOwner } from './call-owner';
import { settleClocks, type ClockForms } from './clock-forms';
import { settleDateOrders, type DateOrders } from './date-orders';
import { settleStations } from './station-keys';
import type { Period } from './yearless-dates';

/**
 * What a call list's records take once every row is read (in one thread, or after its two
 * halves are joined): its target where none was named, its cells keyed alike, its dates turned
 * as the file's order or period says, its clocks read as the file writes them.
 */
export function settleCallList(
  records: CallColumns,
  dates: DateOrders | undefined,
  clocks: ClockForms | undefined,
  period: Period | null | undefined,
): void {
  settleListOwner(records);
  settleStations(records);
  const data = { template: 'calls' as const, records };
  settleDateOrders(data, dates, period);
  settleClocks(data, clocks);
}
