import * as z from 'zod';
import { requiredText, text } from './common';

const workspaceSummarySchema = z.object({
  path: z.string(),
  name: z.string(),
  isDemo: z.boolean(),
  lastOpenedAt: z.string().nullable(),
  /** False when the folder or its header is gone (moved, unplugged drive). */
  available: z.boolean(),
});
export type WorkspaceSummary = z.infer<typeof workspaceSummarySchema>;

export const workspaceListOutput = z.object({
  workspaces: z.array(workspaceSummarySchema),
  defaultDirectory: z.string(),
});

export const workspacePathInput = z.object({ path: z.string().min(1).max(4096) });

export const workspaceInspectOutput = z.object({
  path: z.string(),
  name: z.string(),
  isDemo: z.boolean(),
  usernames: z.array(z.string()),
  /** Seconds the unlock form must wait before the next attempt; 0 when not locked out. */
  lockedForSeconds: z.number().int(),
  failedAttempts: z.number().int(),
  demoCredentials: z.object({ username: z.string(), password: z.string() }).nullable(),
});

export const usernameSchema = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9_.-]+$/);

export const workspaceCreateInput = z.object({
  /** Folder to create the workspace in; a new folder under the default directory when absent. */
  path: z.string().max(4096).optional(),
  name: requiredText(60),
  /** May be left empty (the CLI's init) and set later in the settings. */
  unitName: text(80).default(''),
  adminUsername: usernameSchema,
  adminDisplayName: requiredText(40),
  password: z.string().min(1).max(256),
});

export const pickDirectoryOutput = z.object({ path: z.string().nullable() });

export const openDemoOutput = z.object({
  path: z.string(),
  username: z.string(),
  password: z.string(),
});
