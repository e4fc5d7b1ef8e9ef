import packageJson from '../package.json' with { type: 'json' };
import { commands } from './commands/index';
import { CliUsageError, type CliCommand, type CliIo } from './io';

function helpText(): string {
  const width = Math.max(10, ...commands.map((c) => c.name.length));
  const lines = [
    `demarc ${packageJson.version} — Azure and Microsoft 365 shared-responsibility assessments`,
    '',
    'Usage: demarc <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    `  ${'--help'.padEnd(width)}  show this help, or a command's help after its name`,
    `  ${'--version'.padEnd(width)}  print the version`,
    '',
  ];
  return lines.join('\n');
}

/** Finds the command whose (possibly multi-word) name is a prefix of `args`. */
function findCommand(args: string[]): { command: CliCommand; rest: string[] } | undefined {
  const byLength = [...commands].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const command of byLength) {
    const words = command.name.split(' ');
    if (words.every((word, i) => args[i] === word)) return { command, rest: args.slice(words.length) };
  }
  return undefined;
}

/** Runs the CLI with `args` (argv without node and script) and returns the exit code. */
export async function main(args: string[], io: CliIo): Promise<number> {
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
    io.stdout(helpText());
    return 0;
  }
  if (args[0] === '--version' || args[0] === '-v') {
    io.stdout(`${packageJson.version}\n`);
    return 0;
  }
  const found = findCommand(args);
  if (!found) {
    io.stderr(`demarc: unknown command '${args.join(' ')}'. Run 'demarc --help' for the list.\n`);
    return 2;
  }
  if (found.rest.includes('--help') || found.rest.includes('-h')) {
    io.stdout(`${found.command.usage}\n`);
    return 0;
  }
  try {
    return await found.command.run(found.rest, io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.stderr(`demarc ${found.command.name}: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`demarc ${found.command.name}: ${message}\n`);
    return 1;
  }
}
