import { drugCatalog } from '../../api/domain/drug-catalog';
import { zhCN } from '../../api/i18n/zh-CN';
import { decimalOf, formatNormalised } from '../../api/domain/quantity';
import type { DrugTotal } from '../../api/schemas/seizure-schemas';
import { UsageError, type Output, type Secrets } from '../cli-context';
import { caseIdOf, withSession } from '../cli-router';
import { idMaskFor } from '../masked-ids';
import type { CommandOptions } from '../command-options';

/** The tier as the app and the briefing name it (the CLI prints Chinese, like the documents). */
const tierNames: Record<DrugTotal['tier'], string> = zhCN.seizure.tiers;

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
  const result = await withSession(options, secrets, async (client) =>
    (await idMaskFor(client))(
      await client.call('search.query', { text: query, limitPerGroup: 20 }),
    ),
  );
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
  const detail = await withSession(options, secrets, async (client) =>
    (await idMaskFor(client))(
      await client.call('cases.get', { id: await caseIdOf(client, caseNo) }),
    ),
  );
  const drugs = detail.drugTotals.map((total) => ({ ...total, formatted: formatTotal(total) }));
  out.result(
    { ...detail, drugTotals: drugs },
    [
      `${detail.caseNo}  ${detail.title}`,
      `status: ${detail.status}   supervision: ${detail.supervisionLevel}   opened: ${detail.openedOn ?? ''}   solved: ${detail.solvedOn ?? ''}`,
      `persons: ${detail.persons.length} (suspects ${detail.suspectCount})   other entities: ${detail.members.length}   seizures: ${detail.counts.seizures}`,
      detail.mergedCases.length
        ? `seizure totals, with the cases merged into this one (${detail.mergedCases.map((merged) => merged.caseNo).join(', ')}):`
        : 'seizure totals:',
      ...drugs.map(
        (total) =>
          `  ${drugCatalog.find((drug) => drug.code === total.drugType)?.zh ?? total.drugType}: ${total.formatted} (${tierNames[total.tier]})`,
      ),
      `cash: ${decimalOf(detail.cashTotalFen, 2)} yuan`,
    ].join('\n'),
  );
}
