/** Runs `demarc` commands in-process with an injected `CliIo` that records stdout and stderr. */
import { main } from '../../../cli/main';

export function graphCommandsForTest(cwd: string): { run(args: string[]): Promise<number>; stdout(): string; stderr(): string } {
  let out = '';
  let err = '';
  return {
    run: (args) => main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), env: {}, cwd }),
    stdout: () => out,
    stderr: () => err,
  };
}
