import fs from 'node:fs';
import path from 'node:path';
import { requireOption, UsageError, type Output, type Secrets } from '../cli-context';
import { caseIdOf, withSession } from '../cli-router';
import type { CommandOptions } from '../command-options';
import { writeFileAtomic } from '../../core/durable-file';

/**
 * `package export --case CASE_NO --out FILE` and `package import --file FILE [--dry-run]
 * [--confirm-implausible]`: the case package (协查) sealed with QUANLIAN_PACKAGE_PASSPHRASE (or
 * the second line of stdin). A dry run prints the review (matches, differences, implausible
 * seizures) and writes nothing. A package with an implausible seizure is imported only with
 * --confirm-implausible, the receive dialog's confirmation (confirmedImplausible).
 */
export async function packageCommand(
  action: string | undefined,
  options: CommandOptions,
  secrets: Secrets,
  out: Output,
): Promise<void> {
  if (action === 'export') {
    const caseNo = requireOption(options.case, 'case');
    const file = path.resolve(requireOption(options.out, 'out'));
    const passphrase = secrets.passphrase();
    const sealed = await withSession(options, secrets, async (client) => {
      const caseId = await caseIdOf(client, caseNo);
      // The export names what it carries: no second open (and Argon2id) of our own package.
      const document = await client.call('package.export', { caseId, passphrase });
      return { bytes: Buffer.from(document.content, 'base64'), counts: document.counts };
    });
    // Owner-only, like every export.
    writeFileAtomic(file, sealed.bytes);
    const { entities, relations, attachments } = sealed.counts;
    out.result(
      { file, bytes: sealed.bytes.length, entities, relations, attachments },
      `${caseNo}: ${entities} entities, ${relations} relations → ${file}`,
    );
    return;
  }
  if (action === 'import') {
    const content = {
      contentBase64: fs
        .readFileSync(path.resolve(requireOption(options.file, 'file')))
        .toString('base64'),
      passphrase: secrets.passphrase(),
    };
    const confirmedImplausible = options['confirm-implausible'] === true;
    const result = await withSession(options, secrets, async (client) => {
      const review = await client.call('package.review', content);
      return options['dry-run']
        ? { review, summary: null }
        : {
            review,
            summary: await client.call('package.import', { ...content, confirmedImplausible }),
          };
    });
    const matched = result.review.entities.filter((item) => item.status === 'matched');
    const implausible = result.review.implausibleSeizures;
    out.result(
      result,
      [
        `${result.review.caseNo ?? '(entities)'}: ${result.review.entities.length} entities, ${matched.length} already known`,
        ...matched.map(
          (item) =>
            `  ${item.label} = ${item.existingLabel}${item.differences.length ? ` (differs: ${item.differences.join(', ')})` : ''}`,
        ),
        ...implausible.map(
          (item) =>
            `  implausible seizure ${item.row}: ${item.drugType} ${item.quantity}${item.evidenceNo ? ` (${item.evidenceNo})` : ''}${confirmedImplausible ? ', confirmed' : ', needs --confirm-implausible'}`,
        ),
        result.summary
          ? `imported: ${result.summary.entitiesCreated} entities created, ${result.summary.relations} relations`
          : 'dry run: nothing written',
      ].join('\n'),
    );
    return;
  }
  throw new UsageError(
    'Use: package export --case CASE_NO --out FILE | package import --file FILE [--dry-run] [--confirm-implausible]',
  );
}
