import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** What a CLI command may touch of its process: injected so commands run under Vitest. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Aborted on SIGINT by the real entry point; tests may abort it themselves. */
  signal?: AbortSignal;
}

/** One `demarc <name>` command. `run` returns the process exit code. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run: (args: string[], io: CliIo) => Promise<number>;
}

/** An error whose message is shown to the user as is (no stack), with an exit code. */
export class CliUsageError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'CliUsageError';
  }
}

/**
 * `node:util` parseArgs in strict mode without positionals; a malformed command line
 * becomes a `CliUsageError` (exit 2) with parseArgs' own message.
 */
export function parseOptions<T extends ParseArgsOptionsConfig>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
}
