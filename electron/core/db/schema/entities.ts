import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  accountTypes,
  entityKinds,
  locationTypes,
  organisationTypes,
} from '../../../api/domain/entity-kinds';
import {
  areaColours,
  genders,
  personColours,
  riskGrades,
} from '../../../api/domain/person-vocabulary';
import { identityDocumentTypes } from '../../../api/domain/identity-documents';
import { stampColumns } from './columns';

/**
 * Every thing that can sit on a chart: one row here, plus one row in the table of its kind.
 * An entity lives once and belongs to many cases through case_entities.
 */
export const entitiesTable = sqliteTable(
  'entities',
  {
    id: text().primaryKey(),
    kind: text({ enum: entityKinds }).notNull(),
    /** Display name: a person's name, a phone number, a plate … */
    label: text().notNull(),
    notes: text(),
    /** Set when merged into another entity (the duplicate stays for the audit trail). */
    mergedIntoId: text(),
    deletedAt: text(),
    ...stampColumns(),
  },
  (table) => [
    index('entities_kind_idx').on(table.kind),
    index('entities_label_idx').on(table.label),
  ],
);
export type EntityRecord = typeof entitiesTable.$inferSelect;

const entityRef = () =>
  text()
    .primaryKey()
    .references(() => entitiesTable.id, { onDelete: 'cascade' });

export const personsTable = sqliteTable(
  'persons',
  {
    entityId: entityRef(),
    name: text().notNull(),
    /** JSON array of aliases and nicknames (绰号). */
    aliases: text({ mode: 'json' }).$type<string[]>().notNull().default([]),
    gender: text({ enum: genders }).notNull().default('unknown'),
    birthDate: text(),
    /** The document number, normalised and checked by the rule of its type. */
    idNumber: text(),
    /** 居民身份证 (null: earlier records, all resident IDs), 护照, 永居证, 港澳台 permits. */
    idType: text({ enum: identityDocumentTypes }),
    household: text(),
    address: text(),
    nationality: text(),
    photoAttachmentId: text(),
    riskGrade: text({ enum: riskGrades }),
    personColour: text({ enum: personColours }),
  },
  (table) => [uniqueIndex('persons_id_number_unique').on(table.idNumber)],
);
export type PersonRecord = typeof personsTable.$inferSelect;

export const organisationsTable = sqliteTable('organisations', {
  entityId: entityRef(),
  name: text().notNull(),
  orgType: text({ enum: organisationTypes }).notNull(),
  /** Venue kind for 娱乐场所: KTV, bar, bath house … */
  venueType: text(),
  /** 统一社会信用代码 for companies. */
  creditCode: text(),
  /** JSON array of licence numbers (e.g. precursor chemical licences). */
  licenceNumbers: text({ mode: 'json' }).$type<string[]>().notNull().default([]),
  leaderEntityId: text().references(() => entitiesTable.id),
  address: text(),
  /** 打掉: the date a gang was broken (成绩单 counts gangs by it). */
  brokenOn: text(),
});

export const locationsTable = sqliteTable('locations', {
  entityId: entityRef(),
  name: text().notNull(),
  locationType: text({ enum: locationTypes }).notNull(),
  address: text(),
  region: text(),
  latitude: real(),
  longitude: real(),
  areaColour: text({ enum: areaColours }),
  /** 捣毁: the date a factory or 窝点 was destroyed. */
  destroyedOn: text(),
});

export const phonesTable = sqliteTable(
  'phones',
  {
    entityId: entityRef(),
    number: text().notNull(),
    carrier: text(),
    imei: text(),
    registeredName: text(),
  },
  (table) => [uniqueIndex('phones_number_unique').on(table.number)],
);

export const vehiclesTable = sqliteTable(
  'vehicles',
  {
    entityId: entityRef(),
    plate: text().notNull(),
    vehicleType: text(),
    model: text(),
    colour: text(),
    vin: text(),
  },
  (table) => [uniqueIndex('vehicles_plate_unique').on(table.plate)],
);

export const accountsTable = sqliteTable(
  'accounts',
  {
    entityId: entityRef(),
    accountType: text({ enum: accountTypes }).notNull(),
    accountNo: text().notNull(),
    institution: text(),
    holderName: text(),
  },
  (table) => [uniqueIndex('accounts_type_no_unique').on(table.accountType, table.accountNo)],
);

export const parcelsTable = sqliteTable(
  'parcels',
  {
    entityId: entityRef(),
    waybillNo: text().notNull(),
    carrier: text(),
    origin: text(),
    destination: text(),
    shippedOn: text(),
    contents: text(),
    weightGrams: integer(),
  },
  (table) => [uniqueIndex('parcels_waybill_unique').on(table.waybillNo)],
);
