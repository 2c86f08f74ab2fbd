import { z } from 'zod';
import { maxAttachmentBytes } from '../domain/attachment-limits';
import { idSchema, optionalText, requiredText } from './common';

export const attachmentOwnerTypes = ['case', 'entity', 'seizure'] as const;

export const attachmentRowSchema = z.object({
  id: z.string(),
  ownerType: z.enum(attachmentOwnerTypes),
  ownerId: z.string(),
  caseId: z.string().nullable(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  description: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type AttachmentRow = z.infer<typeof attachmentRowSchema>;

/** Base64 of at most maxAttachmentBytes; the exact byte limit is checked after decoding. */
const base64Content = z
  .string()
  .max(Math.ceil((maxAttachmentBytes * 4) / 3) + 8 + 1_000_000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const attachmentAddInput = z.object({
  ownerType: z.enum(attachmentOwnerTypes),
  ownerId: idSchema,
  fileName: requiredText(200),
  mimeType: z.string().trim().max(100).default('application/octet-stream'),
  contentBase64: base64Content,
  description: optionalText(500),
});

export const attachmentListInput = z.object({
  ownerType: z.enum(attachmentOwnerTypes).optional(),
  ownerId: idSchema.optional(),
  caseId: idSchema.optional(),
});
export const attachmentIdInput = z.object({ id: idSchema });
export const attachmentContentSchema = attachmentRowSchema.extend({ contentBase64: z.string() });
