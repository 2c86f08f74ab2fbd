import { sql, type SQL } from 'drizzle-orm';
import { parsePhone, parsePlate } from '../../api/domain/identifiers';
import { parseIdentityDocument } from '../../api/domain/identity-documents';
import { isCreditCode } from '../../api/domain/credit-code';
import { regionName } from './region-names';
import type { ParsedEntityInput } from '../../api/schemas/entity-schemas';
import { AppError } from '../app-error';
import type { Executor } from '../db/database-types';
import type { EntityInsert } from './entity-repository';

interface Holder {
  id: string;
  label: string;
  kind: string;
  deleted_at: string | null;
  merged_into_id: string | null;
}

/** Where each kind keeps the identifier that must be unique (the database enforces it too). */
const identifierColumns = {
  person: ['persons', 'id_number'],
  phone: ['phones', 'number'],
  vehicle: ['vehicles', 'plate'],
  account: ['accounts', 'account_no'],
  parcel: ['parcels', 'waybill_no'],
  organisation: ['organisations', 'credit_code'],
} as const;

/**
 * The entity holding an identifier, other than `exceptId`. Deleted and merged entities keep
 * their rows (for the audit trail) and so their identifiers: a merged one is reported as the
 * entity it was merged into.
 */
export function findHolder(
  db: Executor,
  kind: keyof typeof identifierColumns,
  value: string,
  exceptId?: string,
  extra?: SQL,
): Holder | undefined {
  const [table, column] = identifierColumns[kind];
  let found =
    db.get<Holder>(sql`SELECT e.id, e.label, e.kind, e.deleted_at, e.merged_into_id FROM entities e
    JOIN ${sql.identifier(table)} t ON t.entity_id = e.id
    WHERE t.${sql.identifier(column)} = ${value} AND e.id != ${exceptId ?? ''} ${extra ? sql`AND ${extra}` : sql``}`);
  for (let hops = 0; found?.merged_into_id && hops < 20; hops += 1) {
    found = db.get<Holder>(
      sql`SELECT id, label, kind, deleted_at, merged_into_id FROM entities WHERE id = ${found.merged_into_id}`,
    );
  }
  return found && found.id !== exceptId ? found : undefined;
}

function refuseDuplicate(found: Holder | undefined): void {
  if (!found) return;
  const code =
    found.kind === 'person' ? 'persons.duplicateIdNumber' : 'entities.duplicateIdentifier';
  throw new AppError(code, 'This identifier is already recorded', {
    entityId: found.id,
    name: found.label,
    kind: found.kind,
    deleted: Boolean(found.deleted_at),
  });
}

/**
 * Checks and normalises an entity before anything is written: a person's ID number (GB 11643;
 * birth date and sex read from it), a phone number, a plate; and refuses an identifier that
 * another live entity already holds, naming it so the UI can offer it instead.
 */
export function prepareEntity(
  db: Executor,
  input: ParsedEntityInput,
  today: Date,
  exceptId?: string,
): { entity: EntityInsert; notes: string | null } {
  const notes = input.notes ?? null;
  switch (input.kind) {
    case 'person': {
      let { idNumber, birthDate, gender, household } = input;
      const idType = input.idType ?? 'resident_id';
      if (idNumber) {
        const parsed = parseIdentityDocument(idType, idNumber, today);
        if (!parsed.ok) {
          throw new AppError('persons.invalidIdNumber', 'The ID number is not valid', {
            problem: parsed.problem,
            idType,
            ...(parsed.expectedCheck ? { expectedCheck: parsed.expectedCheck } : {}),
          });
        }
        idNumber = parsed.value.normalised;
        birthDate = parsed.value.birthDate ?? birthDate;
        gender = parsed.value.gender ?? gender;
        // 户籍地 from the region code where the user left it empty.
        if (!household && parsed.value.regionCode)
          household = regionName(parsed.value.regionCode) ?? household;
        refuseDuplicate(findHolder(db, 'person', idNumber, exceptId));
      }
      return {
        notes,
        entity: {
          kind: 'person',
          name: input.name,
          aliases: input.aliases,
          gender,
          birthDate: birthDate ?? null,
          idNumber: idNumber ?? null,
          idType: idNumber ? idType : null,
          household: household ?? null,
          address: input.address ?? null,
          riskGrade: input.riskGrade ?? null,
          personColour: input.personColour ?? null,
        },
      };
    }
    case 'phone': {
      const parsed = parsePhone(input.number);
      if (!parsed.ok)
        throw new AppError('entities.invalidPhone', 'The phone number is not valid', {
          problem: parsed.problem,
        });
      refuseDuplicate(findHolder(db, 'phone', parsed.value, exceptId));
      return {
        notes,
        entity: {
          kind: 'phone',
          number: parsed.value,
          carrier: input.carrier ?? null,
          imei: input.imei ?? null,
          registeredName: input.registeredName ?? null,
        },
      };
    }
    case 'vehicle': {
      const parsed = parsePlate(input.plate);
      if (!parsed.ok)
        throw new AppError('entities.invalidPlate', 'The plate is not valid', {
          problem: parsed.problem,
        });
      refuseDuplicate(findHolder(db, 'vehicle', parsed.value, exceptId));
      return {
        notes,
        entity: {
          kind: 'vehicle',
          plate: parsed.value,
          vehicleType: input.vehicleType ?? null,
          model: input.model ?? null,
          colour: input.colour ?? null,
          vin: input.vin?.toUpperCase() ?? null,
        },
      };
    }
    case 'account': {
      const accountNo = input.accountNo.replace(/\s+/g, '');
      refuseDuplicate(
        findHolder(db, 'account', accountNo, exceptId, sql`t.account_type = ${input.accountType}`),
      );
      return {
        notes,
        entity: {
          kind: 'account',
          accountType: input.accountType,
          accountNo,
          institution: input.institution ?? null,
          holderName: input.holderName ?? null,
        },
      };
    }
    case 'parcel': {
      const waybillNo = input.waybillNo.replace(/\s+/g, '').toUpperCase();
      refuseDuplicate(findHolder(db, 'parcel', waybillNo, exceptId));
      return {
        notes,
        entity: {
          kind: 'parcel',
          waybillNo,
          carrier: input.carrier ?? null,
          origin: input.origin ?? null,
          destination: input.destination ?? null,
          shippedOn: input.shippedOn ?? null,
          contents: input.contents ?? null,
          weightGrams: input.weightGrams ?? null,
        },
      };
    }
    case 'organisation': {
      const creditCode = input.creditCode?.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
      // A code recorded before codes were checked may stay as it is while other fields change.
      const unchanged =
        exceptId !== undefined &&
        db.get<{ code: string | null }>(
          sql`SELECT credit_code AS code FROM organisations WHERE entity_id = ${exceptId}`,
        )?.code === creditCode;
      if (creditCode && !isCreditCode(creditCode) && !unchanged)
        throw new AppError('entities.invalidCreditCode', 'The credit code is not valid');
      return {
        notes,
        entity: {
          kind: 'organisation',
          name: input.name,
          orgType: input.orgType,
          venueType: input.venueType ?? null,
          creditCode: creditCode || null,
          licenceNumbers: input.licenceNumbers,
          leaderEntityId: input.leaderEntityId ?? null,
          address: input.address ?? null,
        },
      };
    }
    case 'location':
      return {
        notes,
        entity: {
          kind: 'location',
          name: input.name,
          locationType: input.locationType,
          address: input.address ?? null,
          region: input.region ?? null,
          latitude: input.latitude ?? null,
          longitude: input.longitude ?? null,
          areaColour: input.areaColour ?? null,
        },
      };
  }
}
