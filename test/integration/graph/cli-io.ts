/** Runs `demarc` commands in-process with an injected `CliIo` that records stderr. */
import { main } from '../../../cli/main';

export function graphCommandsForTest(cwd: string): { run(args: string[]): Promise<number>; stderr(): string } {
  let err = '';
  return {
    run: (args) => main(args, { stdout: () => {}, stderr: (t) => (err += t), env: {}, cwd }),
    stderr: () => err,
  };
}
