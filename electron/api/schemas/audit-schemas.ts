import * as z from 'zod';
import { auditActionGroupNames } from '../domain/audit-actions';
import { idSchema, pageInputSchema, pageOf } from './common';

const auditResults = ['ok', 'denied', 'failed'] as const;

const auditRowSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  result: z.enum(auditResults),
  details: z.record(z.string(), z.unknown()).nullable(),
  /** The case the action concerned (its target, or the case named in its details). */
  caseNo: z.string().nullable(),
  /** The person or other entity it concerned, by name. */
  subject: z.string().nullable(),
  /**
   * Whether its author is proven by their signature (`audit-author.ts`): 'beforeSigning' for a
   * record written before its author had a key, 'system' for a failed sign-in; null where not
   * checked (a case's history tab).
   */
  author: z.enum(['proven', 'notProven', 'beforeSigning', 'system']).nullable(),
  /** Its details are not a JSON object (written outside the app): shown raw as `details.raw`. */
  detailsMalformed: z.literal(true).optional(),
});
export type AuditRow = z.infer<typeof auditRowSchema>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** What an auditor narrows the log by: user, kind of action, case and days (China time). */
const auditFilter = z.object({
  action: z.string().trim().max(60).optional(),
  group: z.enum(auditActionGroupNames as [string, ...string[]]).optional(),
  username: z.string().trim().max(64).optional(),
  targetId: z.string().max(64).optional(),
  caseId: idSchema.optional(),
  from: day.optional(),
  to: day.optional(),
});
export type AuditFilter = z.infer<typeof auditFilter>;

export const auditListInput = pageInputSchema.extend(auditFilter.shape);

export const auditExportInput = auditFilter.extend({
  language: z.enum(['zh-CN', 'en']).default('zh-CN'),
});

export const auditUsersOutput = z.array(z.string());
export const auditListOutput = pageOf(auditRowSchema);

const chainVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** The first record whose hash or link does not match, when the chain is broken. */
  firstBrokenSeq: z.number().int().nullable(),
  reason: z.enum(['hash', 'link', 'gap', 'truncated', 'anchorMissing', 'forked']).nullable(),
});
export type AuditVerification = z.infer<typeof chainVerification>;

/** Who wrote each record, proven by its author's signature (`audit-author.ts`). */
const authorVerification = z.object({
  /** Records whose author is not proven: their numbers (the first 200). */
  notProven: z.array(z.number().int()),
  notProvenCount: z.number().int(),
  /** Records written before their author had a key (older workspaces): not flagged. */
  beforeSigning: z.number().int(),
  /** Accounts whose author key in the users table is not the one the chain proves. */
  keysNotProven: z.array(z.string()),
});
export type AuthorVerification = z.infer<typeof authorVerification>;

export const auditVerifyOutput = chainVerification.extend({ authors: authorVerification });

/** The audit head signed with the administrators' key, to print or keep for a later audit. */
export const signedAuditHeadSchema = z.object({
  workspaceId: z.string(),
  count: z.number().int(),
  hash: z.string(),
  signedAt: z.string(),
  signedBy: z.string(),
  publicKey: z.string(),
  signature: z.string(),
});
