import * as z from 'zod';
import { classifications } from './briefing-schemas';
import { idSchema, isoDateSchema } from './common';

/** The map of a case (or of every case): filter by case and by period (dates inclusive). */
export const mapDataInput = z
  .object({
    caseId: idSchema.optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    message: 'from must not be after to',
    path: ['to'],
  });

const coordinate = { lng: z.number(), lat: z.number() };

const mapRegionSchema = z.object({
  /** `<province code>` or `<province code>/<prefecture name>`. */
  key: z.string(),
  provinceCode: z.string(),
  /** The province as the boundary map names it (云南, 浙江 …). */
  provinceName: z.string(),
  prefectureName: z.string().nullable(),
  ...coordinate,
  /**
   * `places`: the mean of the region's located places; `prefecture`: the prefecture's centre;
   * `capital`: the provincial capital.
   */
  locatedBy: z.enum(['places', 'prefecture', 'capital']),
});

const mapProvinceSchema = z.object({
  code: z.string(),
  mapName: z.string(),
  places: z.number().int(),
  seizures: z.number().int(),
  households: z.number().int(),
  arrests: z.number().int(),
});

const mapPlaceSchema = z.object({
  entityId: z.string(),
  name: z.string(),
  locationType: z.string(),
  region: z.string().nullable(),
  ...coordinate,
  seizures: z.number().int(),
});

const seizedAmountSchema = z.object({
  drugType: z.string(),
  normalisedUnit: z.string(),
  amount: z.number().int(),
});

const mapSeizureSchema = z.object({
  id: z.string(),
  seizedAt: z.string(),
  drugType: z.string(),
  amount: z.number().int(),
  normalisedUnit: z.string(),
  /** The unit as entered: a count's kind (片, 粒…) is written with its number. */
  quantityUnit: z.string(),
  /** The seizure's case, named in its tooltip (a map of all cases mixes them). */
  caseNo: z.string(),
  place: z.string().nullable(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  provinceCode: z.string().nullable(),
});

const mapPersonSchema = z.object({
  entityId: z.string(),
  name: z.string(),
  /** Region key of the 户籍地 (from the ID number's region code and the household text). */
  householdKey: z.string().nullable(),
  arrestPlace: z.string().nullable(),
  arrestKey: z.string().nullable(),
  arrestLng: z.number().nullable(),
  arrestLat: z.number().nullable(),
});

const mapFlowSchema = z.object({
  fromKey: z.string(),
  toKey: z.string(),
  links: z.number().int(),
  buyers: z.number().int(),
  /** Seized from the buyers in the destination region. */
  seized: z.array(seizedAmountSchema),
});

/**
 * A base station a call list placed (基站经度, 基站纬度) and the case's phones were seen on in the
 * period, with the list's address and the phones.
 */
const mapStationSchema = z.object({
  /** The cell's key, as its records carry it (LAC-CI, ECI, or the coordinates). */
  cell: z.string(),
  ...coordinate,
  address: z.string().nullable(),
  /** The phones seen there, most sightings first (the first 20). */
  phones: z.array(z.object({ number: z.string(), sightings: z.number().int() })),
  phoneCount: z.number().int(),
  sightings: z.number().int(),
});
export type MapStation = z.output<typeof mapStationSchema>;

export const mapDataSchema = z.object({
  caseId: z.string().nullable(),
  regions: z.array(mapRegionSchema),
  provinces: z.array(mapProvinceSchema),
  places: z.array(mapPlaceSchema),
  seizures: z.array(mapSeizureSchema),
  people: z.array(mapPersonSchema),
  flows: z.array(mapFlowSchema),
  stations: z.array(mapStationSchema),
  /** Supply relations inside one region, and those with an end in no known region. */
  localLinks: z.number().int(),
  unplacedLinks: z.number().int(),
});
export type MapData = z.output<typeof mapDataSchema>;

/** Coordinates typed or picked on the map for a location entity. */
export const mapLocatePlaceInput = z.object({
  entityId: idSchema,
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});

/** The map leaves the workspace as a picture: recorded in the audit log. */
export const mapExportInput = z.object({
  caseId: idSchema.optional(),
  format: z.enum(['svg', 'png']),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  /** The mark printed on the picture (内部/秘密/机密). */
  classification: z.enum(classifications).default('internal'),
});

/** The map as drawn (SVG from the view, title block and mark included) on a landscape page. */
export const mapPdfInput = z.object({
  caseId: idSchema.optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  classification: z.enum(classifications).default('internal'),
  page: z.enum(['A4', 'A3']).default('A4'),
  svg: z
    .string()
    .max(50_000_000)
    .refine((svg) => /^\s*<svg[\s>]/.test(svg), { message: 'not an SVG picture' }),
});
