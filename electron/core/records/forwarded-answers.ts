import { sql } from 'drizzle-orm';
import { groupRows } from './group-rows';
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

/** A counted forwarded leg as stored, with its line and the phone that passed it on. */
interface StoredLeg extends StoredCall {
  line: number;
  forwarder: string;
}

/**
 * The callers of each forwarding phone's forwarded lines, by import, line and start: the first
 * leg (X → Y) of the line whose second leg (Y → C) is the forwarded call. Read once per
 * forwarding phone, by its relations' index; joining each leg to every relation into its phone
 * had made a 200,000-row list take 22 minutes.
 */
function forwardedLineCallers(db: Executor, forwarderId: string) {
  const callers = new Map<string, string[]>();
  const rows = db.all<{ import_num: number; line: number; at: number; caller: string }>(
    sql`SELECT c.import_num, c.line, c.started_unix AS at, r.from_entity_id AS caller
      FROM relations r JOIN call_records c ON c.relation_num = r.num AND c.kind = 'forwarded'
      WHERE r.to_entity_id = ${forwarderId} AND r.type = 'calls'`,
  );
  for (const row of rows) {
    const key = `${row.import_num}:${row.line}:${row.at}`;
    callers.set(key, [...(callers.get(key) ?? []), row.caller]);
  }
  return callers;
}

/** The counted forwarded legs into the phone (its entity ID), each with its line's caller. */
function forwardedLegsInto(
  db: Executor,
  calleeId: string,
  callersOf: Map<string, Map<string, string[]>>,
): Leg[] {
  const legs = db.all<StoredLeg>(
    sql`SELECT leg.id, leg.started_unix AS at, leg.kind, leg.duration_seconds AS seconds,
        leg.own_end, leg.import_num, leg.copy_of, leg.line, legs.from_entity_id AS forwarder
      FROM relations legs
      JOIN call_records leg ON leg.relation_num = legs.num AND leg.kind = 'forwarded'
        AND leg.copy_of IS NULL
      WHERE legs.to_entity_id = ${calleeId} AND legs.type = 'calls'
      ORDER BY leg.started_unix, leg.id`,
  );
  return legs.flatMap(({ line, forwarder, ...leg }) => {
    let callers = callersOf.get(forwarder);
    if (!callers) {
      callers = forwardedLineCallers(db, forwarder);
      callersOf.set(forwarder, callers);
    }
    const via = [...new Set(callers.get(`${leg.import_num}:${line}:${leg.at}`) ?? [])].filter(
      (caller) => caller !== calleeId,
    );
    return via.map((caller) => ({ ...leg, via_caller: caller }));
  });
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

/**
 * The phones whose answers a re-mark can change: those a counted forwarded leg goes to whose
 * own list is in (rows of calls they answered), and those holding a row marked as the copy of
 * another relation's row (a leg, or one now gone).
 * Two passes over the records, where a query per phone of the file (thousands of contacts) had
 * cost a second on a 200,000-row list.
 */
function calleesReached(db: Executor): Set<string> {
  const rows = db.all<{ id: string }>(
    sql`SELECT r.to_entity_id AS id FROM call_records c JOIN relations r ON r.num = c.relation_num
      WHERE c.kind = 'forwarded' AND c.copy_of IS NULL AND r.type = 'calls'
        AND r.to_entity_id IN (SELECT answered.to_entity_id FROM call_records a
          JOIN relations answered ON answered.num = a.relation_num
          WHERE a.own_end = 2 AND a.kind = 'call')
      UNION SELECT r.to_entity_id FROM call_records c JOIN relations r ON r.num = c.relation_num
      WHERE c.copy_of IS NOT NULL AND c.kind = 'call' AND c.own_end = 2
        AND NOT EXISTS (SELECT 1 FROM call_records held
          WHERE held.id = c.copy_of AND held.relation_num = c.relation_num)`,
  );
  return new Set(rows.map((row) => row.id));
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
  // Each forwarding phone's lines read once for all the phones its calls were passed on to.
  const callersOf = new Map<string, Map<string, string[]>>();
  const reached = calleesReached(db);
  for (const calleeId of new Set(calleeIds)) {
    if (!reached.has(calleeId)) continue;
    const legsOf = groupRows(forwardedLegsInto(db, calleeId, callersOf), (leg) => leg.via_caller);
    const answers = answersTo(db, calleeId, [...legsOf.keys()]);
    for (const rows of groupRows(answers, (row) => row.relation_num).values()) {
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
