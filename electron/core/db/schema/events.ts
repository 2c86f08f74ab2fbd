import { index, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { casesTable } from './cases';
import { eventKinds } from '../../../api/domain/event-kinds';
import { stampColumns } from './columns';
import { entitiesTable } from './entities';

/** A dated happening for the timeline. */
export const eventsTable = sqliteTable(
  'events',
  {
    id: text().primaryKey(),
    caseId: text().references(() => casesTable.id),
    kind: text({ enum: eventKinds }).notNull(),
    /** ISO instant, or a date when only the day is known (see precision). */
    occurredAt: text().notNull(),
    precision: text({ enum: ['day', 'minute'] })
      .notNull()
      .default('minute'),
    title: text().notNull(),
    description: text(),
    place: text(),
    deletedAt: text(),
    ...stampColumns(),
  },
  (table) => [
    index('events_case_idx').on(table.caseId),
    index('events_occurred_at_idx').on(table.occurredAt),
  ],
);

export const eventEntitiesTable = sqliteTable(
  'event_entities',
  {
    eventId: text()
      .notNull()
      .references(() => eventsTable.id, { onDelete: 'cascade' }),
    entityId: text()
      .notNull()
      .references(() => entitiesTable.id),
  },
  (table) => [
    primaryKey({ columns: [table.eventId, table.entityId] }),
    index('event_entities_entity_idx').on(table.entityId),
  ],
);
