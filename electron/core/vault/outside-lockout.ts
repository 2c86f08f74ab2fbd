import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import type { AnchorDirs } from '../audit/audit-anchor';
import { writeFileAtomic } from '../durable-file';
import { emptyLockout, recordFailure } from './lockout';
import type { LockoutState } from './workspace-header';

/**
 * The failed-attempt counter and the attempts not yet in the audit log, kept also beside the
 * outside audit head (the OS user's app data): the header's copy is plain JSON that anyone with
 * file access can empty, which took away the delay and every `session.unlockFailed` record. An
 * unlock takes the larger of the two, and records what the header had lost.
 */
const outsideLockoutSchema = z.object({
  workspaceId: z.string(),
  failures: z.number().int().min(0),
  lockedUntil: z.string().nullable(),
  pending: z.array(z.object({ at: z.string(), username: z.string() })).max(200),
});

const maximumPending = 200;

function dirsOf(anchorDirs: AnchorDirs): readonly string[] {
  return typeof anchorDirs === 'string' ? [anchorDirs] : anchorDirs;
}

function lockoutFile(anchorDir: string, workspaceId: string): string {
  const name = /^[0-9A-Za-z-]{10,64}$/.test(workspaceId)
    ? workspaceId
    : crypto.createHash('sha256').update(workspaceId).digest('hex');
  return path.join(anchorDir, `${name}.lockout.json`);
}

function readOne(anchorDir: string, workspaceId: string): LockoutState | null {
  let raw: string;
  try {
    raw = fs.readFileSync(lockoutFile(anchorDir, workspaceId), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const parsed = outsideLockoutSchema.safeParse(JSON.parse(raw));
    if (!parsed.success || parsed.data.workspaceId !== workspaceId) return null;
    const { failures, lockedUntil, pending } = parsed.data;
    return { failures, lockedUntil, pending };
  } catch {
    return null;
  }
}

function writeOne(anchorDir: string, workspaceId: string, state: LockoutState): void {
  fs.mkdirSync(anchorDir, { recursive: true, mode: 0o700 });
  writeFileAtomic(
    lockoutFile(anchorDir, workspaceId),
    `${JSON.stringify({ workspaceId, ...state })}\n`,
  );
}

/**
 * The larger of two counters: more failures, the later lock, every attempt of either (as many
 * times as the list with more of it holds it: attempts within one clock tick look alike).
 */
export function mergeLockout(a: LockoutState, b: LockoutState | null): LockoutState {
  if (!b) return a;
  const keyOf = (attempt: { at: string; username: string }) => `${attempt.at}|${attempt.username}`;
  const inA = new Map<string, number>();
  for (const attempt of a.pending) inA.set(keyOf(attempt), (inA.get(keyOf(attempt)) ?? 0) + 1);
  const extra = b.pending.filter((attempt) => {
    const left = inA.get(keyOf(attempt)) ?? 0;
    inA.set(keyOf(attempt), left - 1);
    return left <= 0;
  });
  const pending = [...a.pending, ...extra]
    .sort((x, y) => x.at.localeCompare(y.at))
    .slice(-maximumPending);
  const later =
    a.lockedUntil && b.lockedUntil
      ? Date.parse(a.lockedUntil) >= Date.parse(b.lockedUntil)
        ? a.lockedUntil
        : b.lockedUntil
      : (a.lockedUntil ?? b.lockedUntil);
  return { failures: Math.max(a.failures, b.failures), lockedUntil: later, pending };
}

/** The outside counter (of all its copies, the larger), or null where none is kept. */
export function readOutsideLockout(
  anchorDirs: AnchorDirs | undefined,
  workspaceId: string,
): LockoutState | null {
  if (!anchorDirs) return null;
  let merged: LockoutState | null = null;
  for (const dir of dirsOf(anchorDirs)) {
    const one = readOne(dir, workspaceId);
    if (one) merged = merged ? mergeLockout(merged, one) : one;
  }
  return merged;
}

/** Counts one failed attempt in every outside copy. */
export function recordOutsideFailure(
  anchorDirs: AnchorDirs | undefined,
  workspaceId: string,
  username: string,
  now: Date,
): void {
  if (!anchorDirs) return;
  for (const dir of dirsOf(anchorDirs))
    writeOne(
      dir,
      workspaceId,
      recordFailure(readOne(dir, workspaceId) ?? emptyLockout(), username, now),
    );
}

/** After a successful unlock has recorded every attempt: the outside counter starts again. */
export function clearOutsideLockout(anchorDirs: AnchorDirs | undefined, workspaceId: string): void {
  if (!anchorDirs) return;
  for (const dir of dirsOf(anchorDirs))
    if (readOne(dir, workspaceId)) writeOne(dir, workspaceId, emptyLockout());
}
