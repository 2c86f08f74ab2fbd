import { z } from 'zod';
import { importTemplates } from '../domain/import-templates';
import { idSchema } from './common';

/** A file as the user picked it: name and bytes (base64), at most 200 MB. */
const fileInput = z.object({
  fileName: z.string().trim().min(1).max(260),
  contentBase64: z.string().min(1).max(280_000_000),
  encoding: z.enum(['auto', 'utf8', 'gb18030']).default('auto'),
  template: z.enum(importTemplates),
  /** Field → column index; the columns' names suggest one when absent. */
  mapping: z.record(z.string(), z.number().int().min(0).max(500)).optional(),
  caseId: idSchema.nullish(),
});

export const importPreviewInput = fileInput;

export const importProblemSchema = z.object({
  line: z.number().int(),
  field: z.string(),
  problem: z.string(),
  value: z.string(),
});

export const importPreviewOutput = z.object({
  format: z.enum(['csv', 'xlsx']),
  encoding: z.enum(['utf8', 'gb18030']).nullable(),
  headerLine: z.number().int(),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.number().int()),
  rowCount: z.number().int(),
  validCount: z.number().int(),
  problemCount: z.number().int(),
  /** The first 200 problems, in file order. */
  problems: z.array(importProblemSchema),
  /** The first rows as they will be read, field → text. */
  sample: z.array(z.record(z.string(), z.string())),
});
export type ImportPreview = z.infer<typeof importPreviewOutput>;

export const importCommitInput = fileInput.extend({ importId: idSchema });

export const importSummarySchema = z.object({
  importId: z.string(),
  template: z.enum(importTemplates),
  rows: z.number().int(),
  entitiesCreated: z.number().int(),
  entitiesMatched: z.number().int(),
  relationsCreated: z.number().int(),
  relationsUpdated: z.number().int(),
  seconds: z.number(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const importCancelInput = z.object({ importId: idSchema });

export const importMappingSchema = z.object({
  name: z.string().trim().min(1).max(60),
  template: z.enum(importTemplates),
  /** Field → header text, so a mapping fits any file with the same headers. */
  columns: z.record(z.string(), z.string().max(100)),
});
export type ImportMapping = z.infer<typeof importMappingSchema>;

export const relationRecordsInput = z.object({
  relationId: idSchema,
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(100),
});
export const relationRecordsOutput = z.object({
  kind: z.enum(['calls', 'transfers']),
  total: z.number().int(),
  rows: z.array(
    z.object({
      at: z.string(),
      durationSeconds: z.number().int().nullable(),
      amountFen: z.number().int().nullable(),
      detail: z.string().nullable(),
    }),
  ),
});
