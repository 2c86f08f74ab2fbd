import * as z from 'zod';

export const idSchema = z.string().min(1).max(64);

/** A trimmed single-line text; empty becomes undefined so optional fields stay absent. */
export function text(max: number) {
  return z
    .string()
    .max(max * 4)
    .transform((value) => value.trim())
    .pipe(z.string().max(max));
}

export function optionalText(max: number) {
  return z
    .string()
    .max(max * 4)
    .transform((value) => value.trim())
    .pipe(z.string().max(max))
    .transform((value) => (value === '' ? null : value))
    .nullish();
}

export function requiredText(max: number) {
  return text(max).pipe(z.string().min(1));
}

/** A calendar date without a time, YYYY-MM-DD. */
export const isoDateSchema = z.iso.date();
/** An instant, ISO-8601 with offset (stored as UTC). */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

export const pageInputSchema = z.object({
  page: z.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
});

export function pageOf<T extends z.ZodType>(row: T) {
  return z.object({ rows: z.array(row), total: z.number().int() });
}

export const emptyInput = z.object({}).strict();
export const okOutput = z.object({ ok: z.literal(true) });
