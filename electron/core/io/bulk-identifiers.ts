import type Database from 'better-sqlite3';
import type { accountTypes } from '../../api/domain/entity-kinds';
import { newId } from '../db/ids';
import { accountDocument, phoneDocument } from '../search/search-documents';
import { documentWriter } from '../search/search-indexer';

type AccountType = (typeof accountTypes)[number];

/**
 * Finds and creates phones and accounts by the thousand for imports: one query per 500
 * identifiers to find the known ones, prepared statements to add the rest with the same rows
 * and search documents `insertEntity` writes (statement preparation dominated otherwise).
 */
export function bulkIdentifiers(sqlite: Database.Database, actorId: string, now: string) {
  const entity = sqlite.prepare(
    'INSERT INTO entities (id, kind, label, created_at, updated_at, created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const phone = sqlite.prepare('INSERT INTO phones (entity_id, number) VALUES (?, ?)');
  const account = sqlite.prepare(
    'INSERT INTO accounts (entity_id, account_type, account_no, holder_name, institution) VALUES (?, ?, ?, ?, ?)',
  );
  const writeDocument = documentWriter(sqlite);
  const mergedInto = sqlite.prepare('UPDATE entities SET merged_into_id = ? WHERE id = ?');

  /** Identifier → the live entity holding it (following merges), for those already known. */
  function known(kind: 'phone' | 'account', values: string[]): Map<string, string> {
    const [table, column] = kind === 'phone' ? ['phones', 'number'] : ['accounts', 'account_no'];
    const found = new Map<string, string>();
    const lookup = sqlite.prepare(
      `SELECT t.${column} AS value, e.id, e.merged_into_id FROM ${table} t JOIN entities e ON e.id = t.entity_id
       WHERE t.${column} IN (SELECT value FROM json_each(?))`,
    );
    const mergedInto = sqlite.prepare('SELECT id, merged_into_id FROM entities WHERE id = ?');
    for (let offset = 0; offset < values.length; offset += 500) {
      const rows = lookup.all(JSON.stringify(values.slice(offset, offset + 500))) as {
        value: string;
        id: string;
        merged_into_id: string | null;
      }[];
      for (const row of rows) {
        let holder = row;
        for (let hops = 0; holder.merged_into_id && hops < 20; hops += 1)
          holder = { ...holder, ...(mergedInto.get(holder.merged_into_id) as typeof holder) };
        if (!found.has(row.value)) found.set(row.value, holder.id);
      }
    }
    return found;
  }

  return {
    known,
    addPhone(number: string): string {
      const id = newId();
      entity.run(id, 'phone', number, now, now, actorId, actorId);
      phone.run(id, number);
      writeDocument(phoneDocument(id, number, undefined, null));
      return id;
    },
    /**
     * Another number of an account (its 交易账号 beside the card): an account entity merged into
     * it, so lookups of the number (following merges) find it; found in search by the account's
     * own document.
     */
    addAccountAlias(accountNo: string, accountType: AccountType, accountId: string): string {
      const id = newId();
      entity.run(id, 'account', accountNo, now, now, actorId, actorId);
      account.run(id, accountType, accountNo, null, null);
      mergedInto.run(accountId, id);
      return id;
    },
    addAccount(
      accountNo: string,
      accountType: AccountType,
      holderName: string | null = null,
      institution: string | null = null,
    ): string {
      const id = newId();
      entity.run(id, 'account', accountNo, now, now, actorId, actorId);
      account.run(id, accountType, accountNo, holderName, institution);
      writeDocument(
        accountDocument(
          id,
          accountNo,
          { account_no: accountNo, institution, holder_name: holderName },
          null,
        ),
      );
      return id;
    },
  };
}
