import path from 'node:path';
import { drugCatalog } from '../../api/domain/drug-catalog';
import { decimalOf, formatNormalised } from '../../api/domain/quantity';
import type { DrugTotal } from '../../api/schemas/seizure-schemas';
import { AppError } from '../../core/app-error';
import { getCaseDetail } from '../../core/cases/case-queries';
import type { Executor } from '../../core/db/database-types';
import { casesTable } from '../../core/db/schema';
import { searchWorkspace } from '../../core/search/search-queries';
import { unlockWorkspace } from '../../core/vault/workspace-vault';
import type { UnlockedWorkspace } from '../../core/vault/unlocked-workspace';
import { eq } from 'drizzle-orm';
import { cliEnv, requireOption, UsageError, type Output, type Secrets } from '../cli-context';
import type { CommandOptions } from '../command-options';

/** Unlocks the workspace for one read, audited by the caller, and closes it again. */
export async function readOnly<T>(
  options: CommandOptions,
  secrets: Secrets,
  work: (workspace: UnlockedWorkspace) => T | Promise<T>,
): Promise<T> {
  const dir = path.resolve(requireOption(options.workspace, 'workspace'));
  const workspace = await unlockWorkspace(
    dir,
    options.user ?? 'admin',
    secrets.password(),
    cliEnv(),
  );
  try {
    // Awaited here, so the workspace stays open until asynchronous work (a PDF) is done.
    return await work(workspace);
  } finally {
    workspace.close('user');
  }
}

/** The ID of the case with this number (case numbers are stored upper-case). */
export function caseIdByNumber(db: Executor, caseNo: string): string {
  const row = db
    .select({ id: casesTable.id })
    .from(casesTable)
    .where(eq(casesTable.caseNo, caseNo.toUpperCase()))
    .get();
  if (!row) throw new AppError('cases.notFound', 'No case with this number');
  return row.id;
}

const tierNames: Record<DrugTotal['tier'], string> = {
  large: '数量大',
  relativelyLarge: '数量较大',
  belowRelativelyLarge: '未达数量较大',
  notApplicable: '无司法解释数量标准',
  contentRequired: '需录入含量',
};

/** A total as the CLI prints it: "26 kg", "118.6 g", "1200 tablets". */
export function formatTotal(total: DrugTotal): string {
  const { value, unit } = formatNormalised(total.total, total.unit);
  return `${value} ${unit === 'tablet' ? 'tablets' : unit}`;
}

export async function searchCommand(
  options: CommandOptions,
  query: string | undefined,
  secrets: Secrets,
  out: Output,
): Promise<void> {
  if (!query) throw new UsageError('search needs a query');
  const result = await readOnly(options, secrets, (workspace) => {
    workspace.audit({ action: 'search.cli', details: { length: query.length } });
    return searchWorkspace(workspace.db, query, 20);
  });
  out.result(
    result,
    result.groups.length
      ? result.groups
          .map((group) =>
            [
              `${group.type} (${group.total})`,
              ...group.hits.map(
                (hit) =>
                  `  ${hit.title}${hit.subtitle ? `  ${hit.subtitle}` : ''}  [${hit.matchedBy}]`,
              ),
            ].join('\n'),
          )
          .join('\n')
      : 'No matches.',
  );
}

export async function caseShowCommand(
  options: CommandOptions,
  caseNo: string | undefined,
  secrets: Secrets,
  out: Output,
): Promise<void> {
  if (!caseNo) throw new UsageError('case show needs a case number');
  const detail = await readOnly(options, secrets, (workspace) => {
    const found = getCaseDetail(workspace.db, caseIdByNumber(workspace.db, caseNo));
    if (!found) throw new AppError('cases.notFound', 'No case with this number');
    workspace.audit({
      action: 'cases.viewedCli',
      targetType: 'case',
      targetId: found.id,
      details: { caseId: found.id },
    });
    return found;
  });
  const drugs = detail.drugTotals.map((total) => ({ ...total, formatted: formatTotal(total) }));
  out.result(
    { ...detail, drugTotals: drugs },
    [
      `${detail.caseNo}  ${detail.title}`,
      `status: ${detail.status}   supervision: ${detail.supervisionLevel}   opened: ${detail.openedOn ?? ''}   solved: ${detail.solvedOn ?? ''}`,
      `persons: ${detail.persons.length} (suspects ${detail.suspectCount})   other entities: ${detail.members.length}   seizures: ${detail.counts.seizures}`,
      'seizure totals:',
      ...drugs.map(
        (total) =>
          `  ${drugCatalog.find((drug) => drug.code === total.drugType)?.zh ?? total.drugType}: ${total.formatted} (${tierNames[total.tier]})`,
      ),
      `cash: ${decimalOf(detail.cashTotalFen, 2)} yuan`,
    ].join('\n'),
  );
}
