import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database-types';
import { callCopyRule, matchCopies } from './record-copies';
import { callOfStored, type StoredCall } from './stored-copy-rows';

/**
 * A forwarded call as the three lists it is in print it. A dials B; B's phone passes the call
 * on (呼转, 呼叫转移) to C. A's list: 主叫 to B. B's list: a 呼转 row, 对端 A, 第三方号码 (呼转
 * 号码) C, which the import keeps as two legs of one line, A → B and B → C, both `forwarded`.
 * C's list: 被叫 from A, seconds later, its switch showing the caller's number (the forwarded
 * call keeps its calling number), with nothing saying B passed it on. That row is the leg
 * B → C as C's list shows it: one call, counted once as B's forwarding (the line the network
 * took), where it had also counted as a call A made to C.
 *
 * The rule: a call row of C's list (the callee's side, own_end 2) from X is the copy of a
 * counted forwarded leg Y → C whose line also gave X → Y (the forwarding row of Y's list),
 * timed as one call is in two lists (`callCopyRule`: starts within 20 s, lengths agreeing),
 * one to one, earliest first. A row of X → C with no such leg (C answering X directly, or a
 * forwarding list not imported) counts as the call it says. The row held sits in another
 * relation than its copy: relation-wise re-marking (`remarkCalls`) leaves such marks to this.
 */

/** A counted forwarded leg into the callee, with the caller whose call it passed on. */
interface Leg extends StoredCall {
  via_caller: string;
}

/** A callee's call row, with its relation (ID, caller). */
interface Answer extends StoredCall {
  relation_num: number;
  relation_id: string;
  caller: string;
}

/** The counted forwarded legs into the phone (its entity ID), each with its line's caller. */
function forwardedLegsInto(db: Executor, calleeId: string): Leg[] {
  return db.all<Leg>(
    sql`SELECT DISTINCT leg.id, leg.started_unix AS at, leg.kind, leg.duration_seconds AS seconds,
        leg.own_end, leg.import_num, leg.copy_of, called.from_entity_id AS via_caller
      FROM relations legs
      JOIN call_records leg ON leg.relation_num = legs.num AND leg.kind = 'forwarded'
        AND leg.copy_of IS NULL
      JOIN relations called ON called.to_entity_id = legs.from_entity_id AND called.type = 'calls'
      JOIN call_records line ON line.relation_num = called.num
        AND line.started_unix = leg.started_unix AND line.import_num = leg.import_num
        AND line.line = leg.line AND line.kind = 'forwarded'
      WHERE legs.to_entity_id = ${calleeId} AND legs.type = 'calls'
        AND called.from_entity_id <> ${calleeId}
      ORDER BY leg.started_unix, leg.id`,
  );
}

/**
 * The callee's rows of calls into the phone from these callers that count, and those from any
 * caller that are copies of a row of another relation (a leg, or a leg now gone): a target's
 * list of a million rows is not read where no forwarding reached it.
 */
function answersTo(db: Executor, calleeId: string, callers: string[]): Answer[] {
  const fromCallers = callers.length
    ? sql`c.copy_of IS NOT NULL OR r.from_entity_id IN (${sql.join(
        callers.map((caller) => sql`${caller}`),
        sql`, `,
      )})`
    : sql`c.copy_of IS NOT NULL`;
  return db.all<Answer>(
    sql`SELECT c.id, c.started_unix AS at, c.kind, c.duration_seconds AS seconds, c.own_end,
        c.import_num, c.copy_of, r.num AS relation_num, r.id AS relation_id,
        r.from_entity_id AS caller
      FROM relations r JOIN call_records c ON c.relation_num = r.num
      WHERE r.to_entity_id = ${calleeId} AND r.type = 'calls' AND c.kind = 'call'
        AND c.own_end = 2 AND (${fromCallers})
        AND (c.copy_of IS NULL OR NOT EXISTS (SELECT 1 FROM call_records held
          WHERE held.id = c.copy_of AND held.relation_num = c.relation_num))
      ORDER BY c.started_unix, c.id`,
  );
}

/** Groups rows by a key, keeping their order. */
function groupBy<Row, Key>(rows: Row[], keyOf: (row: Row) => Key): Map<Key, Row[]> {
  const groups = new Map<Key, Row[]>();
  for (const row of rows) {
    const group = groups.get(keyOf(row));
    if (group) group.push(row);
    else groups.set(keyOf(row), [row]);
  }
  return groups;
}

/**
 * Marks afresh the callee's rows of calls into these phones (entity IDs) that are forwarded
 * legs counted under another relation (see above): a row whose leg is gone counts again. Each
 * relation and each import's contribution to it change by what its rows' marks took or gave
 * back. Returns how many rows became copies and how many count again.
 */
export function remarkForwardedAnswers(
  db: Executor,
  calleeIds: Iterable<string>,
): { copies: number; counted: number } {
  const result = { copies: 0, counted: 0 };
  for (const calleeId of new Set(calleeIds)) {
    const legsOf = groupBy(forwardedLegsInto(db, calleeId), (leg) => leg.via_caller);
    const answers = answersTo(db, calleeId, [...legsOf.keys()]);
    for (const rows of groupBy(answers, (row) => row.relation_num).values()) {
      const legs = legsOf.get(rows[0]!.caller) ?? [];
      const matched = matchCopies(legs.map(callOfStored), rows.map(callOfStored), callCopyRule);
      rows.forEach((row, at) => {
        const leg = matched[at]! < 0 ? null : legs[matched[at]!]!.id;
        if (leg === row.copy_of) return;
        db.run(sql`UPDATE call_records SET copy_of = ${leg} WHERE id = ${row.id}`);
        // Taken out of the counts where it becomes a copy, given back where it counts again.
        const calls = leg === null ? 1 : row.copy_of === null ? -1 : 0;
        if (calls < 0) result.copies += 1;
        if (calls > 0) result.counted += 1;
        if (!calls) return;
        const seconds = calls * row.seconds;
        db.run(sql`UPDATE relations SET event_count = coalesce(event_count, 0) + ${calls},
          duration_seconds = coalesce(duration_seconds, 0) + ${seconds}
          WHERE num = ${row.relation_num}`);
        db.run(sql`UPDATE import_relations SET event_count = event_count + ${calls},
          duration_seconds = duration_seconds + ${seconds}
          WHERE relation_id = ${row.relation_id}
            AND import_id = (SELECT id FROM imports WHERE num = ${row.import_num})`);
      });
    }
  }
  return result;
}
