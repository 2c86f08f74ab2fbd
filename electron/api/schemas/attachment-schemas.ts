import * as z from 'zod';
import { maxInlineAttachmentBytes } from '../domain/attachment-limits';
import { idSchema, optionalText, requiredText } from './common';

/** What an attachment hangs on: a case, an entity (a person or an identifier), a seizure, an event. */
export const attachmentOwnerTypes = ['case', 'entity', 'seizure', 'event'] as const;

/** Evidence types: 笔录, 鉴定意见, 照片, 视频, 电子数据, 其他. */
export const attachmentKinds = [
  'statement',
  'expertOpinion',
  'photo',
  'video',
  'electronicData',
  'other',
] as const;
export type AttachmentKind = (typeof attachmentKinds)[number];

export const attachmentRowSchema = z.object({
  id: z.string(),
  ownerType: z.enum(attachmentOwnerTypes),
  ownerId: z.string(),
  caseId: z.string().nullable(),
  fileName: z.string(),
  mimeType: z.string(),
  kind: z.enum(attachmentKinds),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  description: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type AttachmentRow = z.infer<typeof attachmentRowSchema>;

/** Base64 of at most maxInlineAttachmentBytes; the exact byte limit is checked after decoding. */
const base64Content = z
  .string()
  .max(Math.ceil((maxInlineAttachmentBytes * 4) / 3) + 8)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);

const attachmentFields = {
  ownerType: z.enum(attachmentOwnerTypes),
  ownerId: idSchema,
  kind: z.enum(attachmentKinds).default('other'),
  mimeType: z.string().trim().max(100).default('application/octet-stream'),
  description: optionalText(500),
  /** The case a person's or identifier's file was added in, so the case lists it too. */
  caseId: idSchema.optional(),
};

/** A small file sent inline (the renderer's upload, the browser host). */
export const attachmentAddInput = z.object({
  ...attachmentFields,
  fileName: requiredText(200),
  contentBase64: base64Content,
});

/** A file of any size read from a path on this machine (Electron main's picker, the CLI). */
export const attachmentAddFileInput = z.object({
  ...attachmentFields,
  path: z.string().min(1).max(4096),
  /** Defaults to the file's own name. */
  fileName: requiredText(200).optional(),
});

/** Decrypts an attachment into a file the user chose; the target must not exist yet. */
export const attachmentSaveToInput = z.object({
  id: idSchema,
  path: z.string().min(1).max(4096),
});
export const attachmentSaveToOutput = z.object({
  path: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
});

/** A host's native file picker: a file to attach, or where to save one. */
export const attachmentPickInput = z.object({
  mode: z.enum(['open', 'save']),
  suggestedName: z.string().max(200).optional(),
});
export const attachmentPickOutput = z.object({ path: z.string().nullable() });

export const attachmentListInput = z.object({
  ownerType: z.enum(attachmentOwnerTypes).optional(),
  ownerId: idSchema.optional(),
  caseId: idSchema.optional(),
});
export const attachmentIdInput = z.object({ id: idSchema });
export const attachmentContentSchema = attachmentRowSchema.extend({ contentBase64: z.string() });
