import * as z from 'zod';
import { normalisedUnits, quantityUnits } from '../domain/quantity';
import {
  accountTypes,
  entityKinds,
  locationTypes,
  organisationTypes,
} from '../domain/entity-kinds';
import {
  areaColours,
  caseRoles,
  chainTiers,
  legalStatuses,
  personColours,
  riskGrades,
} from '../domain/person-vocabulary';
import {
  idSchema,
  isoDateSchema,
  optionalText,
  pageInputSchema,
  pageOf,
  requiredText,
} from './common';
import { personInputSchema } from './person-schemas';
import { sameAccountsSchema } from './same-account-schemas';

const entityRowSchema = z.object({
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

const notes = { notes: optionalText(4000) };

/** The fields of each kind, as entered. Phones, plates and ID numbers are checked by core. */
const entityInputSchema = z.discriminatedUnion('kind', [
  personInputSchema.extend({
    kind: z.literal('person'),
    riskGrade: z.enum(riskGrades).nullish(),
    personColour: z.enum(personColours).nullish(),
  }),
  z.object({
    kind: z.literal('organisation'),
    name: requiredText(100),
    orgType: z.enum(organisationTypes),
    venueType: optionalText(40),
    creditCode: optionalText(18),
    licenceNumbers: z.array(requiredText(60)).max(20).default([]),
    leaderEntityId: idSchema.nullish(),
    address: optionalText(200),
    ...notes,
  }),
  z.object({
    kind: z.literal('location'),
    name: requiredText(100),
    locationType: z.enum(locationTypes),
    address: optionalText(200),
    region: optionalText(100),
    latitude: z.number().min(-90).max(90).nullish(),
    longitude: z.number().min(-180).max(180).nullish(),
    areaColour: z.enum(areaColours).nullish(),
    ...notes,
  }),
  z.object({
    kind: z.literal('phone'),
    number: requiredText(30),
    carrier: optionalText(30),
    imei: optionalText(20),
    /** The 机主 as a recorded person or organisation; the text is the fallback label. */
    ownerEntityId: idSchema.nullish(),
    registeredName: optionalText(40),
    ...notes,
  }),
  z.object({
    kind: z.literal('vehicle'),
    plate: requiredText(12),
    vehicleType: optionalText(30),
    model: optionalText(60),
    colour: optionalText(20),
    vin: optionalText(17),
    ownerEntityId: idSchema.nullish(),
    ...notes,
  }),
  z.object({
    kind: z.literal('account'),
    accountType: z.enum(accountTypes),
    accountNo: requiredText(64),
    institution: optionalText(60),
    ownerEntityId: idSchema.nullish(),
    holderName: optionalText(60),
    ...notes,
  }),
  z.object({
    kind: z.literal('parcel'),
    waybillNo: requiredText(40),
    carrier: optionalText(40),
    origin: optionalText(100),
    destination: optionalText(100),
    shippedOn: isoDateSchema.nullish(),
    contents: optionalText(200),
    weightGrams: z.number().int().min(0).max(10_000_000).nullish(),
    ...notes,
  }),
]);
export type EntityInput = z.input<typeof entityInputSchema>;
export type ParsedEntityInput = z.output<typeof entityInputSchema>;

export const entityCreateInput = z.object({
  entity: entityInputSchema,
  /** Add it to this case at once (the usual way entities are recorded). */
  caseId: idSchema.optional(),
  roleInCase: z.enum(caseRoles).optional(),
  legalStatus: z.enum(legalStatuses).optional(),
  legalStatusOn: isoDateSchema.nullish(),
});

export const entityUpdateInput = z.object({ id: idSchema, entity: entityInputSchema });
export const entityIdInput = z.object({ id: idSchema });

const entityCaseSchema = z.object({
  caseEntityId: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  title: z.string(),
  status: z.string(),
  roleInCase: z.enum(caseRoles),
  legalStatus: z.enum(legalStatuses),
  legalStatusOn: z.string().nullable(),
  chainTier: z.enum(chainTiers).nullable(),
});

export const relationRowSchema = z.object({
  id: z.string(),
  fromEntityId: z.string(),
  fromLabel: z.string(),
  fromKind: z.enum(entityKinds),
  toEntityId: z.string(),
  toLabel: z.string(),
  toKind: z.enum(entityKinds),
  type: z.string(),
  directed: z.boolean(),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  amountFen: z.number().int().nullable(),
  eventCount: z.number().int().nullable(),
  durationSeconds: z.number().int().nullable(),
  drugType: z.string().nullable(),
  quantityValue: z.string().nullable(),
  quantityUnit: z.enum(quantityUnits).nullable(),
  quantityNormalised: z.number().int().nullable(),
  normalisedUnit: z.enum(normalisedUnits).nullable(),
  source: z.string().nullable(),
  reliability: z.string().nullable(),
  credibility: z.number().int().nullable(),
  caseId: z.string().nullable(),
  caseNo: z.string().nullable(),
  notes: z.string().nullable(),
});
export type RelationRow = z.infer<typeof relationRowSchema>;

export const entityDetailSchema = z.object({
  id: z.string(),
  kind: z.enum(entityKinds),
  label: z.string(),
  identifier: z.string().nullable(),
  notes: z.string().nullable(),
  /** The fields of its kind, in the shape of the create input. */
  details: z.record(z.string(), z.unknown()),
  mergedIntoId: z.string().nullable(),
  deleted: z.boolean(),
  cases: z.array(entityCaseSchema),
  relations: z.array(relationRowSchema),
  /** The registered owner (机主/户名) of a phone, vehicle or account, when recorded. */
  owner: z.object({ id: z.string(), kind: z.enum(entityKinds), label: z.string() }).nullable(),
  /**
   * An account's: a nickname bill's own account and the 财付通 account its 交易单号 show it is,
   * a merge for a lead to make (either end), or the accounts that leave it unsettled.
   */
  sameAccounts: sameAccountsSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EntityDetail = z.infer<typeof entityDetailSchema>;

export const entityMergeInput = z.object({ keepId: idSchema, mergeId: idSchema });
export const entityMergeOutput = z.object({ keptId: idSchema, auditSeq: z.number().int() });
export const entityUnmergeInput = z.object({ auditSeq: z.number().int().min(1) });
