import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database-types';
import { pinyinForms } from './pinyin-text';

/** One search document: what a hit shows (title, subtitle) and what it is found by. */
export interface SearchDocument {
  targetType: string;
  targetId: string;
  title: string;
  subtitle: string | null;
  body: string;
  pinyin: string;
}

const join = (...parts: (string | null | undefined)[]) => parts.filter((part) => part).join(' ');

interface EntityRow {
  id: string;
  kind: string;
  label: string;
  notes: string | null;
  deleted_at: string | null;
  merged_into_id: string | null;
}

function row<T>(db: Executor, query: ReturnType<typeof sql>): T | undefined {
  return db.get<T>(query);
}

/** A phone's document (also written directly by bulk imports). */
export function phoneDocument(
  id: string,
  label: string,
  p: { carrier: string | null; imei: string | null; registered_name: string | null } | undefined,
  notes: string | null,
): SearchDocument {
  return {
    targetType: 'phone',
    targetId: id,
    title: label,
    subtitle: join(p?.carrier, p?.registered_name) || null,
    body: join(p?.carrier, p?.imei, p?.registered_name, notes),
    pinyin: pinyinForms(p?.registered_name),
  };
}

/** An account's document (also written directly by bulk imports). */
export function accountDocument(
  id: string,
  label: string,
  a: { account_no: string; institution: string | null; holder_name: string | null } | undefined,
  notes: string | null,
): SearchDocument {
  return {
    targetType: 'account',
    targetId: id,
    title: label,
    subtitle: a?.holder_name ?? null,
    body: join(a?.account_no, a?.institution, a?.holder_name, notes),
    pinyin: pinyinForms(a?.holder_name),
  };
}

/** The document of an entity, or null when it should not be found (deleted or merged). */
export function entityDocument(db: Executor, entityId: string): SearchDocument | null {
  const entity = row<EntityRow>(
    db,
    sql`SELECT id, kind, label, notes, deleted_at, merged_into_id FROM entities WHERE id = ${entityId}`,
  );
  if (!entity || entity.deleted_at || entity.merged_into_id) return null;
  const base = { targetType: entity.kind, targetId: entity.id, title: entity.label };
  switch (entity.kind) {
    case 'person': {
      const p = row<{
        name: string;
        aliases: string;
        id_number: string | null;
        household: string | null;
        address: string | null;
      }>(
        db,
        sql`SELECT name, aliases, id_number, household, address FROM persons WHERE entity_id = ${entityId}`,
      );
      const aliases = p ? (JSON.parse(p.aliases) as string[]) : [];
      return {
        ...base,
        subtitle: p?.id_number ?? (aliases.length ? aliases.join('、') : null),
        body: join(aliases.join(' '), p?.id_number, p?.household, p?.address, entity.notes),
        pinyin: join(pinyinForms(p?.name ?? entity.label), ...aliases.map(pinyinForms)),
      };
    }
    case 'organisation': {
      const o = row<{
        credit_code: string | null;
        licence_numbers: string;
        address: string | null;
        venue_type: string | null;
      }>(
        db,
        sql`SELECT credit_code, licence_numbers, address, venue_type FROM organisations WHERE entity_id = ${entityId}`,
      );
      const licences = o ? (JSON.parse(o.licence_numbers) as string[]).join(' ') : '';
      return {
        ...base,
        subtitle: o?.credit_code ?? null,
        body: join(o?.credit_code, licences, o?.address, o?.venue_type, entity.notes),
        pinyin: pinyinForms(entity.label),
      };
    }
    case 'location': {
      const l = row<{ address: string | null; region: string | null }>(
        db,
        sql`SELECT address, region FROM locations WHERE entity_id = ${entityId}`,
      );
      return {
        ...base,
        subtitle: l?.address ?? null,
        body: join(l?.address, l?.region, entity.notes),
        pinyin: pinyinForms(entity.label),
      };
    }
    case 'phone': {
      const p = row<{
        carrier: string | null;
        imei: string | null;
        registered_name: string | null;
      }>(db, sql`SELECT carrier, imei, registered_name FROM phones WHERE entity_id = ${entityId}`);
      return phoneDocument(entity.id, entity.label, p, entity.notes);
    }
    case 'vehicle': {
      const v = row<{
        model: string | null;
        colour: string | null;
        vin: string | null;
        vehicle_type: string | null;
      }>(
        db,
        sql`SELECT model, colour, vin, vehicle_type FROM vehicles WHERE entity_id = ${entityId}`,
      );
      return {
        ...base,
        subtitle: join(v?.colour, v?.model) || null,
        body: join(v?.model, v?.colour, v?.vin, v?.vehicle_type, entity.notes),
        pinyin: '',
      };
    }
    case 'account': {
      const a = row<{ account_no: string; institution: string | null; holder_name: string | null }>(
        db,
        sql`SELECT account_no, institution, holder_name FROM accounts WHERE entity_id = ${entityId}`,
      );
      // Found by the numbers merged into it too (a card's 交易账号, a duplicate merged by hand).
      const others = db.all<{ account_no: string }>(
        sql`SELECT a.account_no FROM entities e JOIN accounts a ON a.entity_id = e.id
          WHERE e.merged_into_id = ${entityId} ORDER BY a.account_no`,
      );
      const document = accountDocument(entity.id, entity.label, a, entity.notes);
      if (!others.length) return document;
      return { ...document, body: join(document.body, ...others.map((other) => other.account_no)) };
    }
    default: {
      const p = row<{
        carrier: string | null;
        origin: string | null;
        destination: string | null;
        contents: string | null;
      }>(
        db,
        sql`SELECT carrier, origin, destination, contents FROM parcels WHERE entity_id = ${entityId}`,
      );
      return {
        ...base,
        subtitle: join(p?.origin, p?.destination && `→ ${p.destination}`) || null,
        body: join(p?.carrier, p?.origin, p?.destination, p?.contents, entity.notes),
        pinyin: '',
      };
    }
  }
}

export function caseDocument(db: Executor, caseId: string): SearchDocument | null {
  const c = row<{
    id: string;
    case_no: string;
    title: string;
    unit: string | null;
    lead_investigator: string | null;
    summary: string | null;
    deleted_at: string | null;
  }>(
    db,
    sql`SELECT id, case_no, title, unit, lead_investigator, summary, deleted_at FROM cases WHERE id = ${caseId}`,
  );
  if (!c || c.deleted_at) return null;
  return {
    targetType: 'case',
    targetId: c.id,
    title: c.title,
    subtitle: c.case_no,
    body: join(c.case_no, c.unit, c.lead_investigator, c.summary),
    pinyin: pinyinForms(c.title),
  };
}
