import fs from 'node:fs';
import path from 'node:path';
import { openPackage, sealPackage } from '../../core/io/case-package';
import { readCaseSnapshot } from '../../core/io/case-snapshot';
import { importPackage, reviewPackage } from '../../core/io/package-import';
import { requireOption, UsageError, type Output, type Secrets } from '../cli-context';
import type { CommandOptions } from '../command-options';
import { caseIdByNumber, readOnly } from './case-commands';

/**
 * `package export --case CASE_NO --out FILE` and `package import --file FILE [--dry-run]`: the
 * case package (协查) sealed with QUANLIAN_PACKAGE_PASSPHRASE (or the second line of stdin).
 * A dry run prints the review (matches, differences) and writes nothing.
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
    const sealed = await readOnly(options, secrets, async (workspace) => {
      const snapshot = readCaseSnapshot(
        workspace.db,
        { caseId: caseIdByNumber(workspace.db, caseNo) },
        { now: workspace.now(), workspaceId: workspace.workspaceId },
        true,
      );
      const bytes = await sealPackage(snapshot, passphrase);
      workspace.audit({
        action: 'package.exported',
        targetType: 'case',
        targetId: snapshot.case!.id,
        details: {
          caseNo,
          entities: snapshot.entities.length,
          relations: snapshot.relations.length,
          bytes: bytes.length,
        },
      });
      return { bytes, entities: snapshot.entities.length, relations: snapshot.relations.length };
    });
    fs.writeFileSync(file, sealed.bytes, { mode: 0o600 });
    out.result(
      { file, bytes: sealed.bytes.length, entities: sealed.entities, relations: sealed.relations },
      `${caseNo}: ${sealed.entities} entities, ${sealed.relations} relations → ${file}`,
    );
    return;
  }
  if (action === 'import') {
    const bytes = fs.readFileSync(path.resolve(requireOption(options.file, 'file')));
    const passphrase = secrets.passphrase();
    const result = await readOnly(options, secrets, async (workspace) => {
      const snapshot = await openPackage(bytes, passphrase);
      const review = reviewPackage(workspace.db, snapshot);
      return options['dry-run']
        ? { review, summary: null }
        : { review, summary: importPackage(workspace, snapshot) };
    });
    const matched = result.review.entities.filter((item) => item.status === 'matched');
    out.result(
      result,
      [
        `${result.review.caseNo ?? '(entities)'}: ${result.review.entities.length} entities, ${matched.length} already known`,
        ...matched.map(
          (item) =>
            `  ${item.label} = ${item.existingLabel}${item.differences.length ? ` (differs: ${item.differences.join(', ')})` : ''}`,
        ),
        result.summary
          ? `imported: ${result.summary.entitiesCreated} entities created, ${result.summary.relations} relations`
          : 'dry run: nothing written',
      ].join('\n'),
    );
    return;
  }
  throw new UsageError(
    'Use: package export --case CASE_NO --out FILE | package import --file FILE',
  );
}
