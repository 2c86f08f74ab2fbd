import { zonedDay, zonedStamp } from '../../api/domain/time-zone';
import type { Executor } from '../db/database-types';
import { workspaceTimeZone } from './settings-service';

/** What the workspace-time helpers need: its database and its clock. */
interface Dated {
  db: Executor;
  now(): string;
}

/** Today (YYYY-MM-DD) in the workspace's zone: the date in exported files' names. */
export function workspaceToday(workspace: Dated): string {
  return zonedDay(workspace.now(), workspaceTimeZone(workspace.db));
}

/** Now as YYYYMMDD-HHmmss in the workspace's zone: names that sort by time (backups). */
export function workspaceStamp(workspace: Dated): string {
  return zonedStamp(workspace.now(), workspaceTimeZone(workspace.db));
}
