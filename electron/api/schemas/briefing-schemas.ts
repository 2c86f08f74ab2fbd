import * as z from 'zod';
import { idSchema } from './common';

/**
 * Classification marking printed at the top of every page (密级), lowest first as the choice
 * lists show them. The names are the standard English grades: confidential is 秘密, secret is
 * 机密 (绝密, top secret, is never put on a workstation like this one).
 */
export const classifications = ['none', 'internal', 'confidential', 'secret'] as const;
export type Classification = (typeof classifications)[number];

export const briefingFormats = ['html', 'pdf', 'docx'] as const;
export type BriefingFormat = (typeof briefingFormats)[number];

export const briefingInput = z.object({
  caseId: idSchema,
  format: z.enum(briefingFormats),
  classification: z.enum(classifications).default('internal'),
  /** ID numbers are masked (1501**********1234) unless asked otherwise. */
  unmaskIds: z.boolean().default(false),
  /** The saved graph view whose layout the gang chart uses; otherwise one is computed. */
  viewId: idSchema.nullish(),
  language: z.enum(['zh-CN', 'en']).default('zh-CN'),
});

/** A generated document: text (HTML) as is, binary (PDF, DOCX) as base64. */
export const documentFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
});
export type DocumentFile = z.infer<typeof documentFileSchema>;
