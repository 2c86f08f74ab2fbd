import { z } from 'zod';
import { entityKinds } from '../domain/entity-kinds';
import { pageInputSchema, pageOf } from './common';

export const entityRowSchema = z.object({
  id: z.string(),
  kind: z.enum(entityKinds),
  label: z.string(),
  /** The identifier that makes it findable: ID number, phone number, plate, account number … */
  identifier: z.string().nullable(),
  caseCount: z.number().int(),
  updatedAt: z.string(),
});
export type EntityRow = z.infer<typeof entityRowSchema>;

export const entityListInput = pageInputSchema.extend({
  kinds: z.array(z.enum(entityKinds)).max(7).optional(),
  text: z.string().trim().max(100).optional(),
});
export const entityListOutput = pageOf(entityRowSchema);
