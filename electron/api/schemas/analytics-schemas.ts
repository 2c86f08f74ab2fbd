import * as z from 'zod';
import { phoneNumberTypes } from '../domain/identifiers';
import { classifications } from './briefing-schemas';
import { idSchema, isoDateSchema, isoDateTimeSchema } from './common';

/**
 * Investigative analytics over imported call and bank records: 话单碰撞 (common contacts),
 * a phone's contact profile, 资金穿透 (money trace). Periods take a China calendar day
 * (YYYY-MM-DD, the whole day, inclusive at both ends) or an instant.
 */
const periodBound = z.union([isoDateSchema, isoDateTimeSchema]);

/** A phone named by its entity ID or by its number as people type it. */
const phoneRef = z.string().trim().min(1).max(64);

export const commonContactsInput = z
  .object({
    /** Target phones: entity IDs or numbers. */
    phones: z.array(phoneRef).max(200).optional(),
    /** Or every phone of the case's suspects (used with `phones` when both are given). */
    caseId: idSchema.optional(),
    /** A contact must be in touch with at least this many targets. */
    minTargets: z.number().int().min(1).max(200).default(2),
    from: periodBound.optional(),
    to: periodBound.optional(),
    /** Service numbers, hotlines and SMS gateways are left out unless asked for. */
    includeService: z.boolean().default(false),
    limit: z.number().int().min(1).max(1000).default(200),
    offset: z.number().int().min(0).default(0),
  })
  .refine((input) => (input.phones?.length ?? 0) > 0 || input.caseId !== undefined, {
    message: 'Give phones or a case',
  });

const phoneRefSchema = z.object({ id: z.string(), number: z.string() });

/** Traffic between two phones: counts, seconds, direction split, first and last contact. */
const contactTrafficSchema = z.object({
  calls: z.number().int(),
  messages: z.number().int(),
  durationSeconds: z.number().int(),
  /** Calls and messages the target (or profiled phone) placed/sent (out) and received (in). */
  outgoing: z.number().int(),
  incoming: z.number().int(),
  firstAt: z.string(),
  lastAt: z.string(),
});

const contactPerTargetSchema = z.object({
  targetId: z.string(),
  targetNumber: z.string(),
  ...contactTrafficSchema.shape,
});

const commonContactSchema = z.object({
  id: z.string(),
  number: z.string(),
  numberType: z.enum(phoneNumberTypes),
  targetCount: z.number().int(),
  calls: z.number().int(),
  messages: z.number().int(),
  durationSeconds: z.number().int(),
  firstAt: z.string(),
  lastAt: z.string(),
  perTarget: z.array(contactPerTargetSchema),
});
export type CommonContact = z.infer<typeof commonContactSchema>;

export const commonContactsOutput = z.object({
  targets: z.array(phoneRefSchema),
  rows: z.array(commonContactSchema),
  /** Contacts found in all, of which `rows` is one page. */
  total: z.number().int(),
});
export type CommonContactsResult = z.infer<typeof commonContactsOutput>;

export const moneyTraceInput = z
  .object({
    /** An account entity ID or account number. */
    account: z.string().trim().min(1).max(64).optional(),
    /** Or every account a person owns or uses. */
    personId: idSchema.optional(),
    hops: z.number().int().min(1).max(8).default(3),
    /** out: where the money went; in: where it came from. */
    direction: z.enum(['out', 'in']).default('out'),
    from: periodBound.optional(),
    to: periodBound.optional(),
    /** Structuring (拆分交易): transfers within `structuringMarginPercent` below this amount. */
    structuringThresholdFen: z.number().int().min(100).default(5_000_000),
    structuringMarginPercent: z.number().int().min(1).max(50).default(10),
    structuringMinCount: z.number().int().min(2).max(100).default(3),
    limit: z.number().int().min(1).max(2000).default(500),
  })
  .refine((input) => input.account !== undefined || input.personId !== undefined, {
    message: 'Give an account or a person',
  });

const accountFlagsSchema = z.object({
  /** Inflows of which at least 80 % left again within 24 hours. */
  fastInFastOut: z.number().int(),
  /** Transfers just under the structuring threshold. */
  structuring: z.number().int(),
  /** Transfers of whole thousands of yuan. */
  roundAmounts: z.number().int(),
});

const tracedAccountSchema = z.object({
  id: z.string(),
  accountNo: z.string(),
  holderName: z.string().nullable(),
  /** 0 for the start accounts. */
  hop: z.number().int(),
  /**
   * Traced money that reached the account (out) or came from it (in), in fen: the most of it the
   * account held at one time, so money going round a loop (回流) is counted once. For a start
   * account, all that left it (out) or entered it (in).
   */
  reachedFen: z.number().int(),
  /**
   * Start account … this account, one account a hop, each step the sender of the most money at
   * that hop: a loop shows as an account twice. The money ran along it (out) or against it (in).
   */
  path: z.array(z.string()),
  inFen: z.number().int(),
  outFen: z.number().int(),
  netFen: z.number().int(),
  firstAt: z.string().nullable(),
  lastAt: z.string().nullable(),
  counterparties: z.number().int(),
  flags: accountFlagsSchema,
  /**
   * Flags over their thresholds: fastInFastOut, structuring, roundAmounts; paymentInstitution: a
   * payment institution's or clearing account, where the trace stops (its records are asked of
   * the institution).
   */
  alerts: z.array(z.enum(['fastInFastOut', 'structuring', 'roundAmounts', 'paymentInstitution'])),
});
export type TracedAccount = z.infer<typeof tracedAccountSchema>;

const tracedFlowSchema = z.object({
  fromId: z.string(),
  toId: z.string(),
  hop: z.number().int(),
  /** Traced part of the transfers on this link at this hop, in fen. */
  tracedFen: z.number().int(),
  transfers: z.number().int(),
  firstAt: z.string(),
  lastAt: z.string(),
});

export const moneyTraceOutput = z.object({
  direction: z.enum(['out', 'in']),
  /**
   * How much each account held before its first row in the period: taken as 0 (the balance a
   * statement prints is not kept at import), so an account that already held money passes on
   * more of the traced money than pro rata gives. Said with every trace.
   */
  openingBalances: z.literal('takenAsZero'),
  starts: z.array(z.string()),
  accounts: z.array(tracedAccountSchema),
  flows: z.array(tracedFlowSchema),
  total: z.number().int(),
});
export type MoneyTraceResult = z.infer<typeof moneyTraceOutput>;

export const contactProfileInput = z.object({
  /** Entity ID or number. */
  phone: phoneRef,
  from: periodBound.optional(),
  to: periodBound.optional(),
  /** A second period to compare with the first ("before and after the arrest"). */
  compareFrom: periodBound.optional(),
  compareTo: periodBound.optional(),
  /** Length of each top list. */
  limit: z.number().int().min(1).max(500).default(20),
  includeService: z.boolean().default(false),
});

const profileContactSchema = z.object({
  id: z.string(),
  number: z.string(),
  numberType: z.enum(phoneNumberTypes),
  ...contactTrafficSchema.shape,
});
export type ProfileContact = z.infer<typeof profileContactSchema>;

const periodProfileSchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  calls: z.number().int(),
  messages: z.number().int(),
  durationSeconds: z.number().int(),
  /** Numbers in touch, as the lists count them: service numbers only with includeService. */
  contacts: z.number().int(),
  firstAt: z.string().nullable(),
  lastAt: z.string().nullable(),
  /** China calendar days with at least one call or message. */
  activeDays: z.number().int(),
  /** Calls and messages between 22:00 and 06:00 China time. */
  nightEvents: z.number().int(),
  /**
   * Of the calls and messages, those whose other number the carrier printed as unknown (隐藏号码):
   * counted in the totals, days, night and heat map, with no contact.
   */
  withheld: z.number().int(),
  topByCount: z.array(profileContactSchema),
  topByDuration: z.array(profileContactSchema),
  /** Contacts first seen with this phone inside the period (only with a start). */
  newContacts: z.array(profileContactSchema),
  /** [weekday Monday = 0][hour 0–23], China time, calls and messages. */
  heatmap: z.array(z.array(z.number().int())),
  daily: z.array(
    z.object({ day: z.string(), calls: z.number().int(), messages: z.number().int() }),
  ),
});
export type PeriodProfile = z.infer<typeof periodProfileSchema>;

export const contactProfileOutput = z.object({
  phone: phoneRefSchema,
  period: periodProfileSchema,
  compare: periodProfileSchema
    .extend({
      /** Numbers in touch in the second period only, and in the first only. */
      gained: z.array(z.string()),
      lost: z.array(z.string()),
    })
    .nullable(),
});
export type ContactProfileResult = z.infer<typeof contactProfileOutput>;

export const colocationInput = z.object({
  /** Entity IDs or numbers. */
  phones: z.array(phoneRef).min(1).max(50),
  /** Two sightings on one base station at most this far apart are together. */
  windowMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(10),
  /** A pair needs at least this many separate occasions. */
  minOccasions: z.number().int().min(1).max(1000).default(2),
  /** Also phones outside the list (伴随 of unknown phones); always so for one phone. */
  companions: z.boolean().default(false),
  from: periodBound.optional(),
  to: periodBound.optional(),
  limit: z.number().int().min(1).max(1000).default(200),
});

/** One occasion: the two phones' closest sightings on the cell within it. */
const colocationOccasionSchema = z.object({
  /** LAC-CI. */
  cell: z.string(),
  aAt: z.string(),
  bAt: z.string(),
  gapSeconds: z.number().int(),
});

const colocationPairSchema = z.object({
  a: phoneRefSchema,
  b: phoneRefSchema,
  occasions: z.array(colocationOccasionSchema),
});

export const colocationOutput = z.object({
  pairs: z.array(colocationPairSchema),
  total: z.number().int(),
});
export type ColocationResult = z.infer<typeof colocationOutput>;

export const cellPresenceInput = z.object({
  /** Base station as LAC-CI (e.g. 25301-10231). */
  cell: z.string().trim().min(1).max(64),
  from: periodBound,
  to: periodBound,
  limit: z.number().int().min(1).max(1000).default(200),
});

export const cellPresenceOutput = z.object({
  /** Where a call list placed the cell (基站经度, 基站纬度, 基站地址); null when none did. */
  site: z.object({ address: z.string().nullable(), lng: z.number(), lat: z.number() }).nullable(),
  rows: z.array(
    phoneRefSchema.extend({
      sightings: z.number().int(),
      firstAt: z.string(),
      lastAt: z.string(),
    }),
  ),
  total: z.number().int(),
});
export type CellPresenceResult = z.infer<typeof cellPresenceOutput>;

/**
 * The timeline (i2's theme lines): entities as lines, dated records and case facts as marks.
 * Either the named entities, or a case: its own line (status dates, seizures, events) plus
 * its suspects and the phones and accounts of the case and of its suspects.
 */
export const analyticsTimelineInput = z
  .object({
    entityIds: z.array(idSchema).max(100).optional(),
    caseId: idSchema.optional(),
    from: periodBound.optional(),
    to: periodBound.optional(),
    /** Marks in time order: the first `limit` after `offset`, and the total. */
    limit: z.number().int().min(1).max(20_000).default(5_000),
    offset: z.number().int().min(0).default(0),
  })
  .refine((input) => (input.entityIds?.length ?? 0) > 0 || input.caseId !== undefined, {
    message: 'Give entities or a case',
  });

const timelineLineSchema = z.object({
  /** The entity ID, or the case ID for the case's own line. */
  id: z.string(),
  /** 'case' or the entity's kind. */
  kind: z.string(),
  label: z.string(),
});
export type TimelineLine = z.infer<typeof timelineLineSchema>;

export const timelineMarkKinds = [
  'call',
  'sms',
  'transfer',
  'seizure',
  'measure',
  'caught',
  'status',
  'event',
] as const;
export type TimelineMarkKind = (typeof timelineMarkKinds)[number];

const timelineMarkSchema = z.object({
  id: z.string(),
  kind: z.enum(timelineMarkKinds),
  /** UTC ISO instant; a day-only fact sits at 00:00 China time of its day. */
  at: z.string(),
  precision: z.enum(['day', 'minute']),
  lineId: z.string(),
  /** The other line of a call or transfer between two lines (drawn as a link). */
  toLineId: z.string().nullable(),
  /**
   * What the mark is, as data: the far end's label (calls, transfers), the drug code
   * (seizure), the measure (legal status code), the case date's name, the event title.
   */
  label: z.string(),
  /** Seconds of a call, fen of a transfer, quantity text of a seizure, kind of an event. */
  detail: z.string().nullable(),
  /** A relation entered by hand (no detail records): how many calls or transfers it stands for. */
  count: z.number().int().nullable(),
});
export type TimelineMark = z.infer<typeof timelineMarkSchema>;

export const analyticsTimelineOutput = z.object({
  lines: z.array(timelineLineSchema),
  marks: z.array(timelineMarkSchema),
  /** Marks in the period in all, of which `marks` is one page. */
  total: z.number().int(),
  /** First and last mark in the period (for the axis), null when there are none. */
  first: z.string().nullable(),
  last: z.string().nullable(),
});
export type TimelineResult = z.infer<typeof analyticsTimelineOutput>;

/** A timeline leaving the workspace as a picture (SVG or PNG drawn by the view). */
export const timelineExportInput = z.object({
  caseId: idSchema.optional(),
  entityIds: z.array(idSchema).max(100).default([]),
  format: z.enum(['svg', 'png']),
  from: periodBound.optional(),
  to: periodBound.optional(),
  /** The mark printed in the picture's title band. */
  classification: z.enum(classifications).default('none'),
});
