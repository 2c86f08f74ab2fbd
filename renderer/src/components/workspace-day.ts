import { defaultTimeZone, zonedDay } from '../../../electron/api/domain/time-zone';
import { useProcedure } from '../api/hooks';

/**
 * Today in the workspace's time zone (its settings), as the chart's exports date and name their
 * files: the map had been dated by the computer's zone and the timeline by China's, a day apart
 * from the chart's on a workstation set to another zone.
 */
export function useWorkspaceDay(): () => string {
  const settings = useProcedure('settings.get', {});
  const timeZone = settings.data?.timeZone ?? defaultTimeZone;
  return () => zonedDay(new Date().toISOString(), timeZone);
}
