/**
 * `demarc graph pull`: reads the tenant's identity and Microsoft 365 settings from
 * Microsoft Graph (read-only) into a Graph snapshot file. `demarc graph import`: builds the
 * same file from Graph responses the client saved themselves. Progress goes to stderr.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CloudConfigError } from '../../core/azure/clouds';
import { GRAPH_CLOUD_NAMES, resolveGraphCloud, type GraphCloudName } from '../../core/graph/clouds';
import { GRAPH_COLLECTIONS } from '../../core/graph/collections';
import { GraphImportError, importGraphFiles } from '../../core/graph/import';
import type { GraphSnapshot } from '../../core/graph/snapshot';
import { writeFileAtomic } from '../../node/atomic-write';
import { SIGN_IN_METHODS, type SignInMethod } from '../../node/azure/credentials';
import { graphSignInCloud } from '../../node/graph/sign-in';
import { pullGraph, type GraphPullEvent } from '../../node/graph/pull';
import { interruptSignal, signInFromEnvironment } from '../azure-sign-in';
import { CliUsageError, parseOptions, type CliCommand } from '../io';

const PERMISSIONS = GRAPH_COLLECTIONS.map((c) => `  ${c.permission.padEnd(34)} ${c.id}${c.licence ? ` (${c.licence})` : ''}`);

const PULL_USAGE = `Usage: demarc graph pull --auth METHOD [options] -o FILE

Reads Microsoft Entra ID and Microsoft 365 settings from Microsoft Graph v1.0 with GET
requests only, into a Graph snapshot (JSON). Collections Graph refuses for lack of a
licence or permission are recorded as gaps and the pull goes on.

Options:
  --auth METHOD            device-code | cli | service-principal
  --cloud NAME             ${GRAPH_CLOUD_NAMES.join(' | ')} (default public)
  --graph-endpoint URL     custom Graph root, e.g. https://graph.microsoft.us
  --authority-host URL     custom Entra authority host (env DEMARC_AUTHORITY_HOST or AZURE_AUTHORITY_HOST)
  --tenant ID              tenant for device-code or cli sign-in (default AZURE_TENANT_ID)
  -o, --output FILE        where to write the snapshot
  --quiet                  no progress on stderr

Service principal: AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or
AZURE_CLIENT_CERTIFICATE_PATH). Device code uses AZURE_CLIENT_ID when set (an app
registration with the delegated scopes below), else the Azure CLI's application, whose
Graph scopes may not cover every collection. Permissions (application for a service
principal; the same delegated scopes plus a role such as Global Reader otherwise):
${PERMISSIONS.join('\n')}

Exit codes: 0 complete (gaps listed at the end); 1 error; 2 usage; 4 sign-in failed;
130 cancelled (nothing written).`;

const IMPORT_USAGE = `Usage: demarc graph import PATH... -o FILE [--tenant ID] [--cloud NAME]

Builds a Graph snapshot from saved Graph responses: files or folders of <collection>.json
(and <collection>.2.json… for further pages), as written by the commands in
assessments/azure-m365/README.md. Collections without a file are recorded as gaps.`;

function graphCloudOption(value: string | undefined): GraphCloudName | undefined {
  if (value === undefined) return undefined;
  if (!(GRAPH_CLOUD_NAMES as readonly string[]).includes(value)) throw new CliUsageError(`--cloud must be one of ${GRAPH_CLOUD_NAMES.join(', ')}, not ${JSON.stringify(value)}`);
  return value as GraphCloudName;
}

function describeEvent(event: GraphPullEvent): string {
  switch (event.kind) {
    case 'collection-started':
      return `[${event.index + 1}/${event.total}] ${event.collection}…`;
    case 'collection-finished':
      return `    ${event.collection}: ${event.rows} object(s) in ${event.pages} page(s)`;
    case 'collection-gap':
      return `    ${event.gap.collection}: GAP (${event.gap.kind}) HTTP ${event.gap.httpStatus} ${event.gap.code}`;
    case 'retrying':
      return `    ${event.collection}: ${event.reason}, retry ${event.attempt} in ${(event.delayMs / 1000).toFixed(1)} s`;
  }
}

function describeGaps(snapshot: GraphSnapshot): string {
  const { gaps } = snapshot.demarcGraphSnapshot;
  if (gaps.length === 0) return 'no gaps: every collection was read\n';
  return `${gaps.length} gap(s) — checks that need these report "not assessed":\n${gaps.map((g) => `  ${g.collection} (${g.kind}): ${g.httpStatus ?? '-'} ${g.code}: ${g.message}\n`).join('')}`;
}

async function writeSnapshot(file: string, snapshot: GraphSnapshot): Promise<void> {
  await writeFileAtomic(file, Buffer.from(`${JSON.stringify(snapshot)}\n`, 'utf8'));
}

export const graphPullCommand: CliCommand = {
  name: 'graph pull',
  summary: 'read identity and Microsoft 365 settings from Microsoft Graph into a snapshot file',
  usage: PULL_USAGE,
  async run(args, io) {
    const o = parseOptions(args, {
      auth: { type: 'string' },
      cloud: { type: 'string' },
      'graph-endpoint': { type: 'string' },
      'authority-host': { type: 'string' },
      tenant: { type: 'string' },
      output: { type: 'string', short: 'o' },
      quiet: { type: 'boolean' },
    });
    if (!o.output) throw new CliUsageError(`-o FILE is required\n\n${PULL_USAGE}`);
    const method = o.auth as SignInMethod | undefined;
    if (!method || method === 'browser' || !SIGN_IN_METHODS.includes(method)) throw new CliUsageError(`--auth must be device-code, cli or service-principal\n\n${PULL_USAGE}`);
    const authorityHost = o['authority-host'] ?? io.env.DEMARC_AUTHORITY_HOST ?? io.env.AZURE_AUTHORITY_HOST;
    const cloudName = graphCloudOption(o.cloud);
    let cloud;
    try {
      cloud = resolveGraphCloud({ ...(cloudName ? { cloud: cloudName } : {}), ...(o['graph-endpoint'] ? { graphEndpoint: o['graph-endpoint'] } : {}), ...(authorityHost ? { authorityHost } : {}) });
    } catch (error) {
      if (error instanceof CloudConfigError) throw new CliUsageError(error.message);
      throw error;
    }
    const log = (line: string): void => {
      if (!o.quiet) io.stderr(`${line}\n`);
    };
    const tenant = o.tenant ?? io.env.AZURE_TENANT_ID;
    const signIn = signInFromEnvironment(method, graphSignInCloud(cloud), tenant, io);
    const output = path.resolve(io.cwd, o.output);
    const { signal, dispose } = interruptSignal(io);
    try {
      log(`Microsoft Graph ${cloud.graphEndpoint} (${cloud.name}), sign-in: ${method}, GET only`);
      const result = await pullGraph({ signIn, cloud, signal, ...(tenant ? { tenantId: tenant } : {}), onProgress: (e) => log(describeEvent(e)) });
      if (result.status === 'cancelled') {
        io.stderr('demarc graph pull: cancelled; nothing written\n');
        return 130;
      }
      if (result.status === 'failed') {
        io.stderr(`demarc graph pull: ${result.collection ?? 'pull'} failed: ${result.message}; nothing written\n`);
        return result.signIn ? 4 : 1;
      }
      await writeSnapshot(output, result.snapshot);
      log(`wrote ${result.snapshot.data.length} objects of tenant ${result.snapshot.demarcGraphSnapshot.tenantId} to ${output}`);
      io.stderr(describeGaps(result.snapshot));
      return 0;
    } finally {
      dispose();
    }
  },
};

async function collectFiles(paths: string[], cwd: string): Promise<{ name: string; text: string }[]> {
  const files: { name: string; text: string }[] = [];
  for (const p of paths) {
    const full = path.resolve(cwd, p);
    const names = (await stat(full)).isDirectory() ? (await readdir(full)).filter((n) => n.endsWith('.json')).map((n) => path.join(full, n)) : [full];
    for (const name of names) files.push({ name, text: await readFile(name, 'utf8') });
  }
  return files;
}

export const graphImportCommand: CliCommand = {
  name: 'graph import',
  summary: 'build a Graph snapshot from Graph responses the client saved (az rest / Graph PowerShell)',
  usage: IMPORT_USAGE,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { output: { type: 'string', short: 'o' }, tenant: { type: 'string' }, cloud: { type: 'string' } } });
    } catch (error) {
      throw new CliUsageError(`${(error as Error).message}\n\n${IMPORT_USAGE}`);
    }
    const { values: o, positionals: paths } = parsed;
    if (!o.output || paths.length === 0) throw new CliUsageError(IMPORT_USAGE);
    const cloud = graphCloudOption(o.cloud);
    try {
      const files = await collectFiles(paths, io.cwd);
      const snapshot = importGraphFiles(files, {
        capturedAt: new Date().toISOString(),
        ...(o.tenant ? { tenantId: o.tenant } : {}),
        ...(cloud ? { cloud, graphEndpoint: resolveGraphCloud({ cloud }).graphEndpoint } : {}),
      });
      const file = path.resolve(io.cwd, o.output);
      await writeSnapshot(file, snapshot);
      io.stderr(`wrote ${snapshot.data.length} objects of tenant ${snapshot.demarcGraphSnapshot.tenantId} to ${file}\n${describeGaps(snapshot)}`);
      return 0;
    } catch (error) {
      if (error instanceof GraphImportError) {
        io.stderr(`demarc graph import: ${error.message}; nothing written\n`);
        return 1;
      }
      throw error;
    }
  },
};
