import type { EventName, EventPayload } from '../../api/events';
import type { SessionInfo } from '../../api/schemas/session-schemas';
import type { Clock } from '../clock';
import { readSettings } from '../settings/settings-service';
import { acquireWorkspaceLock } from '../vault/workspace-lock';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/**
 * Holds the one unlocked workspace of this app instance and locks it after the configured idle
 * time. Activity is any procedure call, plus the renderer's throttled input heartbeat.
 */
export class SessionManager {
  private workspace: UnlockedWorkspace | null = null;
  private lastActivity = 0;
  private idleLockMs = 10 * 60_000;
  private timer: ReturnType<typeof setInterval> | null = null;
  /** Removes this instance's lock file from the open workspace. */
  private releaseLock: (() => void) | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly emit: Emit,
  ) {}

  current(): UnlockedWorkspace | null {
    return this.workspace;
  }

  /** Makes `workspace` the session, locking any other one first. */
  open(workspace: UnlockedWorkspace): void {
    if (this.workspace && this.workspace !== workspace) this.lock('user');
    try {
      this.releaseLock = acquireWorkspaceLock(workspace.dir);
    } catch (error) {
      workspace.close('user');
      throw error;
    }
    this.workspace = workspace;
    this.reloadSettings();
    this.touch();
  }

  reloadSettings(): void {
    if (!this.workspace) return;
    this.idleLockMs = readSettings(this.workspace.db).idleLockMinutes * 60_000;
  }

  touch(): void {
    this.lastActivity = this.clock.now().getTime();
  }

  /** Locks when idle for longer than the setting; returns whether it locked. */
  checkIdle(): boolean {
    if (!this.workspace) return false;
    if (this.clock.now().getTime() - this.lastActivity < this.idleLockMs) return false;
    this.lock('idle');
    return true;
  }

  lock(reason: 'user' | 'idle'): void {
    const workspace = this.workspace;
    if (!workspace) return;
    this.workspace = null;
    workspace.close(reason);
    this.releaseLock?.();
    this.releaseLock = null;
    this.emit('session.locked', { reason });
  }

  /** Checks for idleness every `intervalMs` (the timer never keeps the process alive). */
  startIdleTimer(intervalMs = 5_000): void {
    this.stopIdleTimer();
    this.timer = setInterval(() => this.checkIdle(), intervalMs);
    this.timer.unref?.();
  }

  stopIdleTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  info(): SessionInfo | null {
    const workspace = this.workspace;
    if (!workspace) return null;
    const settings = readSettings(workspace.db);
    return {
      workspacePath: workspace.dir,
      workspaceName: workspace.name,
      unitName: settings.unitName,
      isDemo: workspace.isDemo,
      user: workspace.user,
      idleLockMinutes: settings.idleLockMinutes,
      auditIntegrity: workspace.auditIntegrity,
    };
  }
}
