import * as z from 'zod';

/**
 * Inputs and outputs of the procedures the command line needs besides the app's own: files
 * named by path (the CLI has no file picker) and lookups by what a user types (a case number).
 */

/** An absolute or relative path on this machine, resolved by core. */
const pathSchema = z.string().trim().min(1).max(4096);

export const caseFindByNumberInput = z.object({ caseNo: z.string().trim().min(1).max(80) });

export const demoCreateInput = z.object({ path: pathSchema });
export const demoCreateOutput = z.object({
  path: z.string(),
  username: z.string(),
  password: z.string(),
  recoveryKey: z.string(),
  counts: z.object({
    cases: z.number().int(),
    persons: z.number().int(),
    entities: z.number().int(),
    relations: z.number().int(),
    seizures: z.number().int(),
    events: z.number().int(),
  }),
});

export const exportKeyOutput = z.object({ key: z.string() });

export const backupCreateAtInput = z.object({ path: pathSchema });
export const backupCreateAtOutput = z.object({
  file: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});

export const backupRestoreFromInput = z.object({
  path: pathSchema,
  /** The signed-in administrator's password: checked against this workspace first. */
  password: z.string().min(1).max(200),
});
export const backupRestoreFromOutput = z.object({
  dir: z.string(),
  replacedInto: z.string().nullable(),
  auditRecords: z.number().int(),
});
