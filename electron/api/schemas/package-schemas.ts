import * as z from 'zod';
import { entityKinds } from '../domain/entity-kinds';
import { documentFileSchema } from './briefing-schemas';
import { idSchema } from './common';

const passphrase = z.string().min(1).max(200);

export const packageExportInput = z
  .object({
    caseId: idSchema.optional(),
    entityIds: z.array(idSchema).min(1).max(50_000).optional(),
    passphrase,
  })
  .refine((input) => (input.caseId === undefined) !== (input.entityIds === undefined), {
    message: 'Give either caseId or entityIds',
    path: ['caseId'],
  });

/** The sealed package as a file, and what it carries (so a caller need not open it again). */
export const packageExportOutput = documentFileSchema.extend({
  counts: z.object({
    entities: z.number().int(),
    relations: z.number().int(),
    attachments: z.number().int(),
  }),
});

export const packageOpenInput = z.object({
  contentBase64: z.string().min(1).max(700_000_000),
  passphrase,
  /** Names the call's progress events (import.progressed) and what package.cancel stops. */
  importId: idSchema.optional(),
  /** The user confirmed the package's implausible seizures (review's implausibleSeizures). */
  confirmedImplausible: z.boolean().optional(),
});

export const packageCancelInput = z.object({ importId: idSchema });

export const packageReviewSchema = z.object({
  caseNo: z.string().nullable(),
  caseTitle: z.string().nullable(),
  caseExists: z.boolean(),
  exportedAt: z.string(),
  entities: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(entityKinds),
      label: z.string(),
      status: z.enum(['new', 'matched']),
      existingId: z.string().nullable(),
      existingLabel: z.string().nullable(),
      /** Fields whose value in the package differs from this workspace's (this workspace's are kept). */
      differences: z.array(z.string()),
    }),
  ),
  counts: z.object({
    relations: z.number().int(),
    seizures: z.number().int(),
    events: z.number().int(),
    attachments: z.number().int(),
  }),
  /** Seizures over a plausible quantity, which importing asks the user to confirm. */
  implausibleSeizures: z.array(
    z.object({
      row: z.number().int(),
      caseNo: z.string().nullable(),
      drugType: z.string(),
      quantity: z.string(),
      evidenceNo: z.string().nullable(),
    }),
  ),
});
export type PackageReview = z.infer<typeof packageReviewSchema>;

export const packageSummarySchema = z.object({
  caseId: z.string().nullable(),
  entitiesCreated: z.number().int(),
  entitiesMatched: z.number().int(),
  relations: z.number().int(),
  seizures: z.number().int(),
  events: z.number().int(),
  attachments: z.number().int(),
});
export type PackageSummary = z.infer<typeof packageSummarySchema>;
