import * as z from 'zod';
import { caseRoles, genders, legalStatuses, sourceStatuses } from '../domain/person-vocabulary';
import { identityDocumentTypes } from '../domain/identity-documents';
import { idSchema, isoDateSchema, optionalText, requiredText } from './common';

/** A new person. The ID number is checked by the service, which names the problem. */
export const personInputSchema = z.object({
  name: requiredText(40),
  aliases: z.array(requiredText(40)).max(20).default([]),
  gender: z.enum(genders).default('unknown'),
  birthDate: isoDateSchema.nullish(),
  idNumber: optionalText(32),
  /** The document the number belongs to; 居民身份证 when absent. */
  idType: z.enum(identityDocumentTypes).optional(),
  household: optionalText(120),
  address: optionalText(200),
  notes: optionalText(2000),
});

export const casePersonSchema = z.object({
  caseEntityId: z.string(),
  entityId: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  gender: z.enum(genders),
  birthDate: z.string().nullable(),
  idNumber: z.string().nullable(),
  household: z.string().nullable(),
  roleInCase: z.enum(caseRoles),
  legalStatus: z.enum(legalStatuses),
  legalStatusOn: z.string().nullable(),
  caughtOn: z.string().nullable(),
  sourceStatus: z.enum(sourceStatuses).nullable(),
});
export type CasePerson = z.infer<typeof casePersonSchema>;

export const addPersonToCaseInput = z
  .object({
    caseId: idSchema,
    /** Either a new person … */
    person: personInputSchema.optional(),
    /** … or one that already exists (offered when the ID number is known). */
    entityId: idSchema.optional(),
    roleInCase: z.enum(caseRoles).default('suspect'),
    legalStatus: z.enum(legalStatuses).default('none'),
    legalStatusOn: isoDateSchema.nullish(),
    /** Phones the person uses: each is found or created and linked by a 使用 (uses) relation. */
    phones: z.array(z.string().trim().min(1).max(30)).max(10).default([]),
    /** 到案/抓获 date of a suspect, or the date a drug user was found (查获). */
    caughtOn: isoDateSchema.nullish(),
  })
  .refine((input) => (input.person === undefined) !== (input.entityId === undefined), {
    message: 'Give either person or entityId',
    path: ['person'],
  });

/** Persons of the same name, to tell a new one from those already recorded. */
export const sameNameInput = z.object({
  name: z.string().trim().min(1).max(40),
  /** The case the person is being added to: its members are marked and listed first. */
  caseId: idSchema.optional(),
});
export const sameNamePersonSchema = z.object({
  entityId: z.string(),
  name: z.string(),
  /** The ID number masked (1101**********002X), or null when none is known. */
  idNumberMasked: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  gender: z.enum(genders),
  household: z.string().nullable(),
  /** The role in the given case, when the person is already in it. */
  roleInCase: z.enum(caseRoles).nullable(),
  caseCount: z.number().int(),
});
export type SameNamePerson = z.infer<typeof sameNamePersonSchema>;
