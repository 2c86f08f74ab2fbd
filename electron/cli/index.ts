// The `quanlian` bin: one run of the command line on this process's arguments and streams.
import { runCli } from './run-cli';

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
