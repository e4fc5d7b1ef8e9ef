import type { Finding } from '../../core/checks/run-checks';
import { BREAK_GLASS_USAGE, breakGlassAccountsFrom, describeNotAssessed, readInventoryInputs } from '../graph-findings';
import { matrixFrom } from '../inventory-file';
import { textTable } from '../text-table';
import type { CliCommand } from '../io';
import { CliUsageError, parseOptions } from '../io';
import { loadValidPack, packDirFrom } from '../pack';

function table(findings: readonly Finding[]): string {
  const rows = findings.map((f) => [f.status.toUpperCase(), f.checkId, f.severity, f.owner, f.resourceName, f.resourceType, f.subscriptionId]);
  const header = ['STATUS', 'CHECK', 'SEVERITY', 'OWNER', 'RESOURCE', 'TYPE', 'SUBSCRIPTION'];
  return textTable(header, rows, { maxWidth: 60 });
}

/** `demarc findings`: runs the checks of the pack over inventory files and Graph snapshots. */
export const findingsCommand: CliCommand = {
  name: 'findings',
  summary: 'run the checks over inventory files and Graph snapshots and print the findings',
  usage: [
    'Usage: demarc findings --inventory FILE [--inventory FILE …] [--json] [--failed] [--matrix ID] [--pack DIR]',
    '',
    'FILE: a JSON array of Resource Graph rows, a Resource Graph REST response (or an array',
    "of them), 'az graph query' output, or a CSV export from Resource Graph Explorer; or a",
    "Microsoft Graph snapshot from 'demarc graph pull' / 'graph import'. Each file's kind is",
    'told from its content; Resource Graph files are checked together (a resource in two',
    'files counts once), each Graph snapshot with the Graph checks.',
    '',
    ...BREAK_GLASS_USAGE,
    '  --json        print the findings as a JSON array; with a Graph snapshot among the files,',
    '                {findings, notAssessed} (the Graph checks that could not be assessed, and why)',
    '  --failed      only failing findings',
    '  --matrix ID   responsibility matrix for owners (default: the pack default)',
  ].join('\n'),
  async run(args, io) {
    const values = parseOptions(args, {
      inventory: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      failed: { type: 'boolean' },
      matrix: { type: 'string' },
      pack: { type: 'string' },
      'break-glass': { type: 'string', multiple: true },
      'break-glass-from': { type: 'string' },
    });
    if (!values.inventory?.length) throw new CliUsageError('--inventory FILE is required');
    const pack = loadValidPack(packDirFrom(values.pack, io));
    const matrix = matrixFrom(pack, values.matrix);
    const read = readInventoryInputs(values.inventory, { pack, matrix, breakGlassAccounts: breakGlassAccountsFrom(values, io), io });
    const findings = values.failed ? read.findings.filter((f) => f.status === 'fail') : read.findings;
    const notAssessed = read.graph.flatMap((g) => g.run.notAssessed);
    if (values.json) {
      io.stdout(`${JSON.stringify(read.graph.length > 0 ? { findings, notAssessed } : findings, null, 2)}\n`);
      return 0;
    }
    const count = (s: Finding['status']) => findings.filter((f) => f.status === s).length;
    const sources = [
      ...(read.graph.length < read.inputs.length ? [`${read.resources.length} resources`] : []),
      ...(read.graph.length > 0 ? [`${read.graph.length} Graph snapshot(s)`] : []),
    ].join(', ');
    const gaps = read.graph.length > 0 ? `; ${notAssessed.length} check(s) not assessed` : '';
    io.stdout(
      `${table(findings)}\n${describeNotAssessed(read.graph)}\n${sources}, ${findings.length} findings: ${count('fail')} fail, ${count('pass')} pass, ${count('not-applicable')} not applicable${gaps} (matrix ${matrix.id})\n`,
    );
    return 0;
  },
};
