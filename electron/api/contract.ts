import { z } from 'zod';
import type { Access } from './domain/roles';
import { emptyInput, okOutput } from './schemas/common';
import {
  openDemoOutput,
  pickDirectoryOutput,
  workspaceCreateInput,
  workspaceInspectOutput,
  workspaceListOutput,
  workspacePathInput,
} from './schemas/workspace-schemas';
import {
  changePasswordInput,
  createWorkspaceOutput,
  currentSessionOutput,
  recoverInput,
  sessionInfoSchema,
  unlockInput,
} from './schemas/session-schemas';
import {
  userCreateInput,
  userDisableInput,
  userEnableInput,
  userResetPasswordInput,
  userRowSchema,
  userSetRoleInput,
} from './schemas/user-schemas';
import { settingsSchema, settingsUpdateInput } from './schemas/settings-schemas';
import {
  caseCreateInput,
  caseDetailSchema,
  caseIdInput,
  caseListInput,
  caseListOutput,
  caseRowSchema,
} from './schemas/case-schemas';
import { addPersonToCaseInput, casePersonSchema } from './schemas/person-schemas';
import { entityListInput, entityListOutput } from './schemas/entity-schemas';
import { seizureListInput, seizureListOutput } from './schemas/seizure-schemas';
import { auditListInput, auditListOutput, auditVerifyOutput } from './schemas/audit-schemas';
import { workspaceStatsSchema } from './schemas/stats-schemas';

export interface ProcedureSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** Who may call it: 'public' needs no session; a role needs an unlocked session with that role or higher. */
  access: Access;
  input: I;
  output: O;
}

function procedure<I extends z.ZodType, O extends z.ZodType>(
  access: Access,
  input: I,
  output: O,
): ProcedureSpec<I, O> {
  return { access, input, output };
}

const appInfoOutput = z.object({
  version: z.string(),
  host: z.enum(['electron', 'browser-host', 'test']),
  canPickDirectory: z.boolean(),
});

/**
 * The whole API between renderer and core. Names are `area.verb`; main binds exactly
 * these and nothing built at run time.
 */
export const contract = {
  'app.info': procedure('public', emptyInput, appInfoOutput),

  'workspace.list': procedure('public', emptyInput, workspaceListOutput),
  'workspace.inspect': procedure('public', workspacePathInput, workspaceInspectOutput),
  'workspace.create': procedure('public', workspaceCreateInput, createWorkspaceOutput),
  'workspace.openDemo': procedure('public', emptyInput, openDemoOutput),
  'workspace.pickDirectory': procedure('public', emptyInput, pickDirectoryOutput),
  'workspace.forget': procedure('public', workspacePathInput, okOutput),

  'session.current': procedure('public', emptyInput, currentSessionOutput),
  'session.unlock': procedure('public', unlockInput, sessionInfoSchema),
  'session.recover': procedure('public', recoverInput, sessionInfoSchema),
  'session.lock': procedure('viewer', emptyInput, okOutput),
  'session.activity': procedure('viewer', emptyInput, okOutput),
  'session.changePassword': procedure('viewer', changePasswordInput, okOutput),

  'settings.get': procedure('viewer', emptyInput, settingsSchema),
  'settings.update': procedure('admin', settingsUpdateInput, settingsSchema),

  'users.list': procedure('admin', emptyInput, z.array(userRowSchema)),
  'users.create': procedure('admin', userCreateInput, userRowSchema),
  'users.setRole': procedure('admin', userSetRoleInput, userRowSchema),
  'users.disable': procedure('admin', userDisableInput, userRowSchema),
  'users.enable': procedure('admin', userEnableInput, userRowSchema),
  'users.resetPassword': procedure('admin', userResetPasswordInput, okOutput),

  'cases.list': procedure('viewer', caseListInput, caseListOutput),
  'cases.get': procedure('viewer', caseIdInput, caseDetailSchema),
  'cases.create': procedure('investigator', caseCreateInput, caseRowSchema),
  'cases.addPerson': procedure('investigator', addPersonToCaseInput, casePersonSchema),

  'entities.list': procedure('viewer', entityListInput, entityListOutput),

  'seizures.list': procedure('viewer', seizureListInput, seizureListOutput),

  'audit.list': procedure('lead', auditListInput, auditListOutput),
  'audit.verify': procedure('lead', emptyInput, auditVerifyOutput),

  'stats.summary': procedure('viewer', emptyInput, workspaceStatsSchema),
} as const satisfies Record<string, ProcedureSpec>;

export type Contract = typeof contract;
export type ProcedureName = keyof Contract;
export type ProcedureInput<P extends ProcedureName> = z.input<Contract[P]['input']>;
export type ParsedInput<P extends ProcedureName> = z.output<Contract[P]['input']>;
export type ProcedureOutput<P extends ProcedureName> = z.output<Contract[P]['output']>;

export const procedureNames = Object.keys(contract) as ProcedureName[];

export function isProcedureName(name: unknown): name is ProcedureName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
