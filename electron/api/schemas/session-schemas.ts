import * as z from 'zod';
import { roles } from '../domain/roles';
import { usernameSchema } from './workspace-schemas';

const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionInfoSchema = z.object({
  workspacePath: z.string(),
  workspaceName: z.string(),
  unitName: z.string(),
  isDemo: z.boolean(),
  user: sessionUserSchema,
  idleLockMinutes: z.number().int(),
  /** 'broken' when the audit chain's anchor in the header does not match the log. */
  auditIntegrity: z.enum(['ok', 'broken']),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const unlockInput = z.object({
  path: z.string().min(1).max(4096),
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const recoverInput = z.object({
  path: z.string().min(1).max(4096),
  recoveryKey: z.string().min(1).max(100),
  username: usernameSchema,
  newPassword: z.string().min(1).max(256),
});

export const createWorkspaceOutput = z.object({
  path: z.string(),
  /** Shown once, grouped for printing; never stored in plaintext. */
  recoveryKey: z.string(),
  session: sessionInfoSchema,
});

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
  /** Also replace the data key, so an old copy of the header with the old password is useless. */
  rotateKey: z.boolean().optional(),
});

export const currentSessionOutput = z.object({ session: sessionInfoSchema.nullable() });
