import * as z from 'zod';
import { entityKinds } from '../domain/entity-kinds';

export const searchGroupTypes = [...entityKinds, 'case'] as const;
export type SearchGroupType = (typeof searchGroupTypes)[number];

export const searchInput = z.object({
  text: z.string().trim().min(1).max(100),
  limitPerGroup: z.number().int().min(1).max(100).default(8),
});

const searchHitSchema = z.object({
  type: z.enum(searchGroupTypes),
  id: z.string(),
  title: z.string(),
  /** What else identifies it: case number, ID number, phone, plate … */
  subtitle: z.string().nullable(),
  /** How it matched: an exact identifier, the text, or pinyin. */
  matchedBy: z.enum(['identifier', 'text', 'pinyin']),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchOutput = z.object({
  groups: z.array(
    z.object({
      type: z.enum(searchGroupTypes),
      total: z.number().int(),
      hits: z.array(searchHitSchema),
    }),
  ),
});
export type SearchResult = z.infer<typeof searchOutput>;
