import * as z from 'zod';
import { entityKinds } from '../domain/entity-kinds';
import { eventKinds } from '../domain/event-kinds';
import { idSchema, isoDateSchema, isoDateTimeSchema, optionalText, requiredText } from './common';

export const eventInputSchema = z.object({
  caseId: idSchema.nullish(),
  kind: z.enum(eventKinds),
  /** An instant, or only a day when the time is unknown (precision 'day'). */
  occurredAt: z.union([isoDateTimeSchema, isoDateSchema]),
  title: requiredText(200),
  description: optionalText(4000),
  place: optionalText(200),
  entityIds: z.array(idSchema).max(200).default([]),
});

export const eventUpdateInput = z.object({ id: idSchema, event: eventInputSchema });
export const eventIdInput = z.object({ id: idSchema });

export const timelineInput = z.object({
  caseId: idSchema,
  entityId: idSchema.optional(),
  kinds: z.array(z.enum(eventKinds)).max(20).optional(),
});

export const timelineEventSchema = z.object({
  id: z.string(),
  caseId: z.string().nullable(),
  kind: z.enum(eventKinds),
  occurredAt: z.string(),
  precision: z.enum(['day', 'minute']),
  title: z.string(),
  description: z.string().nullable(),
  place: z.string().nullable(),
  entities: z.array(z.object({ id: z.string(), label: z.string(), kind: z.enum(entityKinds) })),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;
