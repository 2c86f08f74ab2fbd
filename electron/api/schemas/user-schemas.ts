import * as z from 'zod';
import { roles } from '../domain/roles';
import { idSchema, requiredText } from './common';
import { usernameSchema } from './workspace-schemas';

export const userRowSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type UserRow = z.infer<typeof userRowSchema>;

export const userCreateInput = z.object({
  username: usernameSchema,
  displayName: requiredText(40),
  role: z.enum(roles),
  password: z.string().min(1).max(256),
});

export const userSetRoleInput = z.object({ userId: idSchema, role: z.enum(roles) });
export const userDisableInput = z.object({ userId: idSchema });
/** Enabling needs a new password: disabling removed the user's key slot. */
export const userEnableInput = z.object({ userId: idSchema, password: z.string().min(1).max(256) });
export const userResetPasswordInput = z.object({
  userId: idSchema,
  password: z.string().min(1).max(256),
});
