import { parentPort } from 'node:worker_threads';
import type { ErrorCode } from '../../api/error-codes';
import { isAppError } from '../app-error';
import type { KdfCost } from '../vault/vault-env';
import { openPackage } from './case-package';
import { checkPackageRows, type CheckedPackage } from './package-checks';

/**
 * The package's checking thread: for each job, derives the key, decrypts and inflates the
 * package, checks its limits, schema and references, and checks its rows by the rules of
 * manual entry that read no database (package-checks), posting progress on the way. The main
 * process stays free for other calls meanwhile; its parent keeps it for the next package.
 */
export interface PackageJob {
  bytes: Uint8Array;
  passphrase: string;
  floor: KdfCost | undefined;
}

export type PackageMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; checked: CheckedPackage }
  | { kind: 'refused'; code: ErrorCode; details?: Record<string, unknown> };

parentPort!.on('message', (job: PackageJob) => {
  const post = (message: PackageMessage) => parentPort!.postMessage(message);
  void (async () => {
    try {
      const snapshot = await openPackage(Buffer.from(job.bytes), job.passphrase, job.floor);
      const checked = checkPackageRows(snapshot, (done, total) =>
        post({ kind: 'progress', done, total }),
      );
      post({ kind: 'done', checked });
    } catch (error) {
      if (!isAppError(error)) throw error;
      post({ kind: 'refused', code: error.code, details: error.details });
    }
  })();
});
