/**
 * Every error code a procedure may return. The renderer translates each one
 * (`errors.<code>` in the locale files); a test checks both locales cover this list.
 */
export const errorCodes = [
  'internal',
  'input.invalid',
  'procedure.unknown',
  'ipc.senderRejected',
  'session.locked',
  'session.alreadyUnlocked',
  'auth.forbidden',
  'auth.invalidCredentials',
  'auth.lockedOut',
  'auth.userDisabled',
  'auth.passwordTooWeak',
  'auth.recoveryKeyInvalid',
  'workspace.notFound',
  'workspace.exists',
  'workspace.headerMissing',
  'workspace.headerInvalid',
  'workspace.databaseMissing',
  'workspace.corrupt',
  'workspace.newerSchema',
  'workspace.migrationFailed',
  'workspace.inUse',
  'host.unsupported',
  'users.duplicateUsername',
  'users.notFound',
  'users.lastAdmin',
  'cases.notFound',
  'cases.duplicateCaseNo',
  'persons.invalidIdNumber',
  'persons.duplicateIdNumber',
  'persons.alreadyInCase',
  'entities.notFound',
  'backup.invalid',
  'backup.corrupt',
  'backup.targetNotEmpty',
  'audit.broken',
] as const;

export type ErrorCode = (typeof errorCodes)[number];
