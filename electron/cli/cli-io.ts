import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';

/** What a run of the command line reads and writes: its environment and standard streams. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Standard input, read whole (for --password-stdin). */
  stdin(): string;
}

/** The process's own: what the `quanlian` bin uses. */
export const processIo: CliIo = {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: () => fs.readFileSync(0, 'utf8'),
};

const current = new AsyncLocalStorage<CliIo>();

/**
 * Runs `work` with `io` as the run's streams and environment. The bin passes the process's; the
 * tests run many commands in one process (each a process of its own cost them ~0.6 s of Node
 * start and module compiling), each with the environment and streams a process would have had.
 */
export function withCliIo<T>(io: CliIo, work: () => T): T {
  return current.run(io, work);
}

/** The streams and environment of the run this call belongs to. */
export function cliIo(): CliIo {
  return current.getStore() ?? processIo;
}
