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

export const auditVerifyOutput = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** The first record whose hash or link does not match, when the chain is broken. */
  firstBrokenSeq: z.number().int().nullable(),
  reason: z.enum(['hash', 'link', 'gap', 'truncated', 'anchorMissing', 'forked']).nullable(),
});
export type AuditVerification = z.infer<typeof auditVerifyOutput>;

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
