import { openPackage, sealPackage } from '../../electron/core/io/case-package';
import type { CaseSnapshot } from '../../electron/core/io/case-snapshot';
import { readHeader } from '../../electron/core/vault/workspace-header';
import { createTestWorkspace, makeTestCore, signInToDemo, type TestCore } from './test-core';
import { testKdf } from './test-kdf';

// A 协查 package is sealed with a passphrase its maker chooses: anyone with a case export can
// write one. These helpers open the demo case's package and seal a changed copy of it.

const passphrase = '协查-2026-滨江-昆明';

/** The demo case's package, opened; and an empty receiving workspace (cores to dispose). */
export async function packageAndReceiver(cores: TestCore[]) {
  const source = makeTestCore();
  const target = makeTestCore();
  cores.push(source, target);
  const caseId = await signInToDemo(source);
  const file = await source.ok('package.export', { caseId, passphrase });
  const snapshot = await openPackage(Buffer.from(file.content, 'base64'), passphrase, testKdf);
  const created = await createTestWorkspace(target, '昆明市公安局禁毒支队');
  return { source, target, snapshot, targetId: readHeader(created.path).workspaceId };
}

/** The snapshot sealed, as the receive calls take it. */
export async function sealedForged(snapshot: CaseSnapshot) {
  const content = (await sealPackage(snapshot, passphrase, testKdf)).toString('base64');
  return { contentBase64: content, passphrase };
}

/** Seals the snapshot and imports it into the target, ok or not. */
export async function importForged(
  target: TestCore,
  snapshot: CaseSnapshot,
  options: { importId?: string; confirmedImplausible?: boolean } = {},
) {
  return target.call('package.import', { ...(await sealedForged(snapshot)), ...options });
}

/** A copy of the snapshot, changed. */
export const forged = (snapshot: CaseSnapshot, change: (copy: CaseSnapshot) => void) => {
  const copy = structuredClone(snapshot);
  change(copy);
  return copy;
};
