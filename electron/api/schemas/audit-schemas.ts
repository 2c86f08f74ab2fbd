import { z } from 'zod';
import { pageInputSchema, pageOf } from './common';

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
});
export type AuditRow = z.infer<typeof auditRowSchema>;

export const auditListInput = pageInputSchema.extend({
  action: z.string().trim().max(60).optional(),
  username: z.string().trim().max(64).optional(),
  targetId: z.string().max(64).optional(),
});
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
