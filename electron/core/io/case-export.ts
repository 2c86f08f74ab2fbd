// Loaded when a workbook is made: exceljs alone takes ~200 ms to load, on every start otherwise.
import type ExcelJS from 'exceljs';
import { mayExportFullIds } from '../../api/domain/roles';
import { maskResidentId } from '../../api/domain/resident-id';
import type { DocumentFile } from '../../api/schemas/briefing-schemas';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import { readEvidence, type RelationEvidence } from '../reports/evidence-appendix';
import { readCaseSnapshot, type CaseSnapshot } from './case-snapshot';
import { workspaceToday } from '../settings/workspace-time';

/** An export lists the records behind up to this many relations, this many lines each. */
const exportEvidenceLimits = { relations: 5_000, linesPerRelation: 200 };

/** 关系 → 原始记录 → 文件第 N 行 as sheet rows: one per relation and file. */
function evidenceRows(relations: RelationEvidence[]): Record<string, unknown>[] {
  return relations.flatMap((relation) =>
    relation.sources.map((source, index) => ({
      relation_id: relation.relationId,
      type: relation.type,
      from: relation.from,
      to: relation.to,
      records: relation.records,
      file_name: source.fileName,
      sha256: source.sha256,
      lines: source.lines.join(','),
      more_records: index === relation.sources.length - 1 ? relation.moreRecords : 0,
    })),
  );
}

function addTable(workbook: ExcelJS.Workbook, name: string, rows: Record<string, unknown>[]): void {
  const sheet = workbook.addWorksheet(name);
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  sheet.addRow(columns).font = { bold: true };
  for (const row of rows)
    sheet.addRow(
      columns.map((column) => {
        const value = row[column];
        // Arrays (aliases, licence numbers) as JSON; everything else as stored.
        return Array.isArray(value) ? JSON.stringify(value) : (value ?? null);
      }),
    );
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** Every table of a case as sheets: one per entity kind, with the kind's own columns. */
async function caseWorkbook(
  snapshot: CaseSnapshot,
  evidence: RelationEvidence[],
): Promise<Uint8Array> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Quanlian';
  if (snapshot.case) {
    const sheet = workbook.addWorksheet('case');
    for (const [field, value] of Object.entries(snapshot.case)) sheet.addRow([field, value]);
  }
  const kinds = [...new Set(snapshot.entities.map((item) => item.entity.kind))];
  for (const kind of kinds)
    addTable(
      workbook,
      `entities-${kind}`,
      snapshot.entities
        .filter((item) => item.entity.kind === kind)
        .map((item) => ({ ...item.entity, ...item.details })),
    );
  addTable(workbook, 'case_entities', snapshot.caseEntities);
  addTable(workbook, 'relations', snapshot.relations);
  addTable(workbook, 'seizures', snapshot.seizures);
  addTable(workbook, 'custody_steps', snapshot.custodySteps);
  addTable(workbook, 'events', snapshot.events);
  addTable(workbook, 'event_entities', snapshot.eventEntities);
  addTable(workbook, 'attachments', snapshot.attachments);
  addTable(workbook, 'evidence', evidenceRows(evidence));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The snapshot with every person's ID number masked (1501**********1234). */
function withMaskedIds(snapshot: CaseSnapshot): CaseSnapshot {
  return {
    ...snapshot,
    entities: snapshot.entities.map((item) =>
      typeof item.details['idNumber'] === 'string'
        ? {
            ...item,
            details: { ...item.details, idNumber: maskResidentId(item.details['idNumber']) },
          }
        : item,
    ),
  };
}

/**
 * A case as XLSX (every table) or JSON; the file leaves the workspace, so it is audited. ID
 * numbers are masked unless the user is a lead or administrator (then the audit says so).
 */
export async function exportCase(
  workspace: UnlockedWorkspace,
  caseId: string,
  format: 'xlsx' | 'json',
): Promise<DocumentFile> {
  const fullIds = mayExportFullIds(workspace.user.role);
  const read = readCaseSnapshot(
    workspace.db,
    { caseId },
    { now: workspace.now(), workspaceId: workspace.workspaceId },
    false,
  );
  const snapshot = fullIds ? read : withMaskedIds(read);
  const evidence = readEvidence(
    workspace.db,
    snapshot.relations.map((relation) => relation.id),
    exportEvidenceLimits,
  );
  workspace.audit({
    action: 'cases.exported',
    targetType: 'case',
    targetId: caseId,
    details: {
      format,
      entities: snapshot.entities.length,
      relations: snapshot.relations.length,
      unmaskedIds: fullIds,
    },
  });
  const fileName = `${snapshot.case!.caseNo}-${workspaceToday(workspace)}.${format}`;
  return format === 'json'
    ? {
        fileName,
        mimeType: 'application/json',
        encoding: 'utf8',
        content: JSON.stringify(
          { ...snapshot, evidence: evidence.relations, moreEvidence: evidence.moreRelations },
          null,
          2,
        ),
      }
    : {
        fileName,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        encoding: 'base64',
        content: Buffer.from(await caseWorkbook(snapshot, evidence.relations)).toString('base64'),
      };
}
