import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  TimelineEvent,
  eventInputSchema,
  timelineInput,
} from '../../api/schemas/event-schemas';
import { AppError } from '../app-error';
import type { Executor } from '../db/database-types';
import { entitiesTable, eventEntitiesTable, eventsTable } from '../db/schema';
import { assertCaseExists, assertLiveEntity } from '../membership/case-guards';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import { insertEvent, type EventInsert } from './event-repository';

type EventFields = z.output<typeof eventInputSchema>;

/** A date alone means the time is not known: kept as a date, shown as a day. */
function prepareEvent(tx: Executor, fields: EventFields): EventInsert {
  if (fields.caseId) assertCaseExists(tx, fields.caseId);
  for (const entityId of fields.entityIds) assertLiveEntity(tx, entityId);
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(fields.occurredAt);
  return {
    caseId: fields.caseId ?? null,
    kind: fields.kind,
    occurredAt: dayOnly ? fields.occurredAt : new Date(fields.occurredAt).toISOString(),
    precision: dayOnly ? 'day' : 'minute',
    title: fields.title,
    description: fields.description ?? null,
    place: fields.place ?? null,
    entityIds: fields.entityIds,
  };
}

/** Events of a case in time order, each with the entities it involves; filtered by entity and kind. */
export function caseTimeline(db: Executor, input: z.output<typeof timelineInput>): TimelineEvent[] {
  const conditions = [eq(eventsTable.caseId, input.caseId), isNull(eventsTable.deletedAt)];
  if (input.kinds?.length) conditions.push(inArray(eventsTable.kind, input.kinds));
  if (input.entityId) {
    conditions.push(
      sql`${eventsTable.id} IN (SELECT event_id FROM event_entities WHERE entity_id = ${input.entityId})`,
    );
  }
  return eventsWith(db, and(...conditions)!);
}

function eventsWith(db: Executor, where: ReturnType<typeof and>): TimelineEvent[] {
  const events = db
    .select()
    .from(eventsTable)
    .where(where)
    .orderBy(asc(eventsTable.occurredAt), asc(eventsTable.id))
    .all();
  if (!events.length) return [];
  const links = db
    .select({
      eventId: eventEntitiesTable.eventId,
      id: entitiesTable.id,
      label: entitiesTable.label,
      kind: entitiesTable.kind,
    })
    .from(eventEntitiesTable)
    .innerJoin(entitiesTable, eq(entitiesTable.id, eventEntitiesTable.entityId))
    .where(
      and(
        inArray(
          eventEntitiesTable.eventId,
          events.map((event) => event.id),
        ),
        isNull(entitiesTable.deletedAt),
      ),
    )
    .orderBy(asc(entitiesTable.label))
    .all();
  return events.map((event) => ({
    id: event.id,
    caseId: event.caseId,
    kind: event.kind,
    occurredAt: event.occurredAt,
    precision: event.precision,
    title: event.title,
    description: event.description,
    place: event.place,
    entities: links
      .filter((link) => link.eventId === event.id)
      .map(({ id, label, kind }) => ({ id, label, kind })),
  }));
}

function findEvent(db: Executor, id: string): TimelineEvent | undefined {
  return eventsWith(db, and(eq(eventsTable.id, id), isNull(eventsTable.deletedAt)))[0];
}

function existingEvent(tx: Executor, id: string): TimelineEvent {
  const event = findEvent(tx, id);
  if (!event) throw new AppError('events.notFound', 'No such event');
  return event;
}

export function createEvent(workspace: UnlockedWorkspace, fields: EventFields): TimelineEvent {
  return workspace.write(
    (tx) =>
      findEvent(tx, insertEvent(tx, prepareEvent(tx, fields), workspace.user.id, workspace.now()))!,
    (event) => ({
      action: 'events.created',
      targetType: 'event',
      targetId: event.id,
      details: { caseId: event.caseId, kind: event.kind, title: event.title },
    }),
  );
}

export function updateEvent(
  workspace: UnlockedWorkspace,
  id: string,
  fields: EventFields,
): TimelineEvent {
  let before: TimelineEvent | undefined;
  return workspace.write(
    (tx) => {
      before = existingEvent(tx, id);
      const { entityIds, ...row } = prepareEvent(tx, fields);
      tx.update(eventsTable)
        .set({ ...row, updatedAt: workspace.now(), updatedBy: workspace.user.id })
        .where(eq(eventsTable.id, id))
        .run();
      tx.delete(eventEntitiesTable).where(eq(eventEntitiesTable.eventId, id)).run();
      for (const entityId of new Set(entityIds))
        tx.insert(eventEntitiesTable).values({ eventId: id, entityId }).run();
      return findEvent(tx, id)!;
    },
    (event) => ({
      action: 'events.updated',
      targetType: 'event',
      targetId: id,
      details: { caseId: event.caseId, before, after: event },
    }),
  );
}

export function deleteEvent(workspace: UnlockedWorkspace, id: string): void {
  let before: TimelineEvent | undefined;
  workspace.write(
    (tx) => {
      before = existingEvent(tx, id);
      tx.update(eventsTable)
        .set({
          deletedAt: workspace.now(),
          updatedAt: workspace.now(),
          updatedBy: workspace.user.id,
        })
        .where(eq(eventsTable.id, id))
        .run();
    },
    () => ({
      action: 'events.deleted',
      targetType: 'event',
      targetId: id,
      details: { caseId: before?.caseId ?? null, title: before?.title },
    }),
  );
}
