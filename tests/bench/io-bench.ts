import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import iconv from 'iconv-lite';
import { chromiumDocuments, findChromium } from '../../electron/cli/chromium-documents';
import { systemClock } from '../../electron/core/clock';
import { createCase } from '../../electron/core/cases/case-service';
import { applyPragmas } from '../../electron/core/db/open-database';
import * as schema from '../../electron/core/db/schema';
import { createEntity } from '../../electron/core/entities/entity-service';
import { planImport } from '../../electron/core/io/import-plan';
import { commitImport } from '../../electron/core/io/import-writer';
import { readTableFile } from '../../electron/core/io/table-file';
import { createRelation } from '../../electron/core/relations/relation-service';
import { exportBriefing } from '../../electron/core/reports/briefing-export';
import { createSeizure } from '../../electron/core/seizures/seizure-service';
import { UnlockedWorkspace } from '../../electron/core/vault/unlocked-workspace';
import { createWorkspace } from '../../electron/core/vault/workspace-vault';
import { briefingInput } from '../../electron/api/schemas/briefing-schemas';

export interface ImportSide {
  readSeconds: number;
  checkSeconds: number;
  writeSeconds: number;
  totalSeconds: number;
  rowsPerSecond: number;
  relations: number;
}

export interface IoResults {
  rows: number;
  fileMiB: number;
  encrypted: ImportSide;
  plain: ImportSide;
  briefing: {
    persons: number;
    relations: number;
    htmlMs: number;
    pdfColdMs: number;
    pdfWarmMs: number;
    docxMs: number;
    pdfKiB: number;
  } | null;
}

/**
 * Call lists as a unit receives them (in GB18030): the records of 100 target phones, each
 * with about 600 contacts in a pool of 20,000 numbers, some called often and most rarely,
 * calls in both directions.
 */
function callList(rows: number): Buffer {
  const lines = ['主叫号码,被叫号码,通话时间,通话时长,基站'];
  let state = 12_345;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state;
  };
  const start = Date.UTC(2025, 0, 1);
  for (let index = 0; index < rows; index += 1) {
    const target = next() % 100;
    const skew = (next() % 1_000) / 1_000;
    const contact = (target * 997 + Math.floor(skew * skew * 600)) % 20_000;
    const ends = [13_900_000_000 + target, 13_800_000_000 + contact];
    if (next() % 2) ends.reverse();
    const at = new Date(start + index * 29_000).toISOString().replace('T', ' ').slice(0, 19);
    lines.push(`${ends[0]},${ends[1]},${at},${next() % 600},LAC${next() % 500}`);
  }
  return iconv.encode(lines.join('\r\n'), 'gb18030');
}

async function importInto(workspace: UnlockedWorkspace, bytes: Buffer): Promise<ImportSide> {
  let started = performance.now();
  const file = await readTableFile(new Uint8Array(bytes));
  const readSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const plan = planImport(file, 'calls');
  const checkSeconds = (performance.now() - started) / 1000;
  if (plan.problems.length) throw new Error(`bench file has ${plan.problems.length} bad rows`);
  started = performance.now();
  const summary = await commitImport(workspace, plan, {
    importId: `bench-${Date.now()}`,
    fileName: 'bench.csv',
    caseId: null,
    onProgress: () => undefined,
    isCancelled: () => false,
  });
  const writeSeconds = (performance.now() - started) / 1000;
  const totalSeconds = readSeconds + checkSeconds + writeSeconds;
  return {
    readSeconds,
    checkSeconds,
    writeSeconds,
    totalSeconds,
    rowsPerSecond: summary.rows / totalSeconds,
    relations: summary.relationsCreated,
  };
}

/** A plain SQLite workspace with the same schema and pragmas: the reference for the ratio. */
function plainWorkspace(file: string, like: UnlockedWorkspace): UnlockedWorkspace {
  const sqlite = new Database(file);
  applyPragmas(sqlite);
  const db = drizzle({ client: sqlite, schema, casing: 'snake_case' });
  migrate(db, { migrationsFolder: path.resolve(__dirname, '../../drizzle') });
  sqlite
    .prepare(
      "INSERT INTO users (id, username, display_name, role, created_at, updated_at) VALUES (?, 'admin', 'admin', 'admin', ?, ?)",
    )
    .run(like.user.id, like.now(), like.now());
  return new UnlockedWorkspace({
    dir: path.dirname(file),
    workspaceId: 'plain',
    name: 'plain',
    isDemo: false,
    db,
    sqlite,
    dataKey: Buffer.alloc(32),
    user: like.user,
    auditIntegrity: 'ok',
    clock: systemClock,
  });
}

/** A case of 200 persons with supply and call relations and 40 seizures, for the briefing. */
function seedBriefingCase(workspace: UnlockedWorkspace): { caseId: string; relations: number } {
  const row = createCase(workspace, {
    caseNo: 'BENCH-200',
    title: '基准测试：200 人的贩毒网络',
    offenceType: 'trafficking',
    supervisionLevel: 'province',
    openedOn: '2026-01-05',
  } as never);
  const ids: string[] = [];
  for (let index = 0; index < 200; index += 1) {
    ids.push(
      createEntity(workspace, {
        entity: {
          kind: 'person',
          name: `成员${String(index).padStart(3, '0')}`,
          aliases: [],
          gender: 'male',
          licenceNumbers: [],
        } as never,
        caseId: row.id,
        roleInCase: index % 5 === 4 ? 'drug_user' : 'suspect',
        legalStatus: index % 3 === 0 ? 'arrested' : 'detained',
      } as never).id,
    );
  }
  let relations = 0;
  for (let index = 1; index < 200; index += 1) {
    createRelation(workspace, {
      fromEntityId: ids[Math.floor((index - 1) / 4)]!,
      toEntityId: ids[index]!,
      type: 'supplies',
      directed: true,
      caseId: row.id,
    } as never);
    relations += 1;
    if (index % 2 === 0 && (index * 7) % 200 !== index) {
      createRelation(workspace, {
        fromEntityId: ids[index]!,
        toEntityId: ids[(index * 7) % 200]!,
        type: 'calls',
        directed: true,
        caseId: row.id,
      } as never);
      relations += 1;
    }
  }
  for (let index = 0; index < 40; index += 1) {
    createSeizure(workspace, {
      caseId: row.id,
      seizedAt: '2026-02-01T02:00:00.000Z',
      drugType: index % 2 ? 'heroin' : 'methamphetamine',
      quantityValue: `${index + 1}.5`,
      quantityUnit: 'g',
      evidenceNo: `WZ-${index}`,
    } as never);
  }
  return { caseId: row.id, relations };
}

export async function benchImportAndBriefing(tmp: string, rows = 1_000_000): Promise<IoResults> {
  const bytes = callList(rows);
  const created = await createWorkspace(
    {
      dir: path.join(tmp, 'io-encrypted'),
      name: 'io',
      unitName: '基准测试大队',
      admin: { username: 'admin', displayName: '基准管理员', password: 'Bench#Pass2026' },
    },
    { clock: systemClock, migrationsFolder: path.resolve(__dirname, '../../drizzle') },
  );
  const encryptedWorkspace = created.workspace;
  const plain = plainWorkspace(path.join(tmp, 'io-plain.db'), encryptedWorkspace);
  console.log(`Importing ${rows.toLocaleString()} call records, encrypted and plain…`);
  const encrypted = await importInto(encryptedWorkspace, bytes);
  const plainSide = await importInto(plain, bytes);
  plain.sqlite.close();

  console.log('Briefing of a 200-person case…');
  let briefing: IoResults['briefing'] = null;
  const chromium = findChromium();
  if (chromium) {
    const { caseId, relations } = seedBriefingCase(encryptedWorkspace);
    const documents = chromiumDocuments(chromium);
    const input = (format: 'html' | 'pdf' | 'docx') => briefingInput.parse({ caseId, format });
    let started = performance.now();
    await exportBriefing(encryptedWorkspace, input('html'), documents);
    const htmlMs = performance.now() - started;
    started = performance.now();
    const pdf = await exportBriefing(encryptedWorkspace, input('pdf'), documents);
    const pdfColdMs = performance.now() - started;
    started = performance.now();
    await exportBriefing(encryptedWorkspace, input('pdf'), documents);
    const pdfWarmMs = performance.now() - started;
    started = performance.now();
    await exportBriefing(encryptedWorkspace, input('docx'), documents);
    const docxMs = performance.now() - started;
    await documents.close();
    briefing = {
      persons: 200,
      relations,
      htmlMs,
      pdfColdMs,
      pdfWarmMs,
      docxMs,
      pdfKiB: Buffer.from(pdf.content, 'base64').length / 1024,
    };
  }
  encryptedWorkspace.close('user');
  return {
    rows,
    fileMiB: bytes.length / 2 ** 20,
    encrypted,
    plain: plainSide,
    briefing,
  };
}
