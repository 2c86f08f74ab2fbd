import { nextDay, zonedDay } from '../../api/domain/time-zone';
import { AppError } from '../app-error';
import type { Executor } from '../db/database-types';
import { workspaceTimeZone } from './settings-service';

/**
 * Refuses a date of something that has not happened yet: a case solved, a suspect caught, a
 * measure taken or drugs seized after today (in the workspace's zone, a day's slack for a
 * workstation's clock). A date next year had put a result into a period not yet begun, to
 * show up in its 成绩单. `value` is a day or an instant; null or absent passes.
 */
export function assertNotFuture(db: Executor, now: string, value: string | null | undefined): void {
  if (!value) return;
  const zone = workspaceTimeZone(db);
  const today = zonedDay(now, zone);
  const on = zonedDay(value, zone);
  if (on > nextDay(today))
    throw new AppError('input.futureDate', 'The date is after today', { on, today });
}
