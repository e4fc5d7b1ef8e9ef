/**
 * `demarc inventory pull`: pulls a live Azure inventory through Resource Graph and writes
 * it as `{data: [...rows], demarcSnapshot: {...}}`, a shape `demarc findings` and
 * `demarc assess` read. Progress goes to stderr; only a complete pull is written to -o.
 */
import path from 'node:path';
import { CloudConfigError, resolveCloud, type CloudName } from '../../core/azure/clouds';
import { discoverScopes } from '../../core/azure/discovery';
import { pullInventory, type InventorySnapshot } from '../../core/azure/pull';
import type { PullProgressEvent } from '../../core/azure/schemas';
import { toInventoryFile } from '../../core/azure/snapshot';
import { defaultSignInMethod, SIGN_IN_METHODS, type SignInMethod } from '../../node/azure/credentials';
import { createResourceGraphTransport } from '../../node/azure/resource-graph-transport';
import { writeFileAtomic } from '../../node/atomic-write';
import { interruptSignal, signInFromEnvironment } from '../azure-sign-in';
import { CliUsageError, type CliCommand } from '../io';

const USAGE = `Usage: demarc inventory pull [options] -o FILE

Pulls resources, resource containers, Defender plans, secure scores and controls,
security assessments, regulatory compliance, role assignments and definitions, and App
Service site configuration from Azure Resource Graph.

Options:
  --subscription ID        a subscription to pull (repeatable); default: every readable one
  --management-group ID    a management group to pull (repeatable)
  --cloud NAME             public (default), china or usgov
  --arm-endpoint URL       custom ARM endpoint (env DEMARC_ARM_ENDPOINT)
  --authority-host URL     custom Entra authority host (env DEMARC_AUTHORITY_HOST or AZURE_AUTHORITY_HOST)
                           Both URLs: https, no credentials, query or fragment (any port)
  --auth METHOD            browser | device-code | cli | service-principal
                           default: service-principal when AZURE_TENANT_ID, AZURE_CLIENT_ID and
                           AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH are set, else cli
  --tenant ID              tenant for browser, device-code or cli sign-in (default AZURE_TENANT_ID)
  -o, --output FILE        where to write the inventory (JSON)
  --quiet                  no progress on stderr

Service principal: AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET, or
AZURE_CLIENT_CERTIFICATE_PATH (PEM with private key) [+ AZURE_CLIENT_CERTIFICATE_PASSWORD].
Extra trusted CAs: NODE_EXTRA_CA_CERTS.

Exit codes: 0 complete; 1 error; 2 usage; 3 partial (written to FILE.partial.json, FILE
untouched); 4 sign-in failed; 130 cancelled.`;

interface PullArgs {
  subscriptions: string[];
  managementGroups: string[];
  cloud?: CloudName;
  armEndpoint?: string;
  authorityHost?: string;
  auth?: SignInMethod;
  tenant?: string;
  output?: string;
  quiet: boolean;
}

function parseArgs(args: string[]): PullArgs {
  const out: PullArgs = { subscriptions: [], managementGroups: [], quiet: false };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined || (inline === undefined && v.startsWith('-'))) throw new CliUsageError(`${flag} needs a value\n\n${USAGE}`);
      return v;
    };
    switch (flag) {
      case '--subscription':
        out.subscriptions.push(...value().split(',').map((s) => s.trim()).filter(Boolean));
        break;
      case '--management-group':
        out.managementGroups.push(value());
        break;
      case '--cloud': {
        const v = value();
        if (v !== 'public' && v !== 'china' && v !== 'usgov') throw new CliUsageError(`--cloud must be public, china or usgov, not ${JSON.stringify(v)}`);
        out.cloud = v;
        break;
      }
      case '--arm-endpoint':
        out.armEndpoint = value();
        break;
      case '--authority-host':
        out.authorityHost = value();
        break;
      case '--auth': {
        const v = value();
        if (!(SIGN_IN_METHODS as readonly string[]).includes(v)) throw new CliUsageError(`--auth must be one of ${SIGN_IN_METHODS.join(', ')}`);
        out.auth = v as SignInMethod;
        break;
      }
      case '--tenant':
        out.tenant = value();
        break;
      case '-o':
      case '--output':
        out.output = value();
        break;
      case '--quiet':
        out.quiet = true;
        break;
      default:
        throw new CliUsageError(`unknown option ${JSON.stringify(arg)}\n\n${USAGE}`);
    }
  }
  return out;
}

function formatProgress(event: PullProgressEvent): string | undefined {
  switch (event.kind) {
    case 'started':
      return `pulling ${event.queries.length} queries over ${event.units} query-scope units`;
    case 'page': {
      const eta = event.estimatedSecondsLeft === null ? '' : `, ~${Math.ceil(event.estimatedSecondsLeft)} s left`;
      return `${event.queryId}: page ${event.page}, +${event.rowsInPage} rows (${event.queryRows} in ${event.table}, ${event.totalRows} total${eta})`;
    }
    case 'retrying':
      return `${event.queryId}: ${event.reason}${event.httpStatus ? ` (HTTP ${event.httpStatus})` : ''}, retry ${event.attempt} in ${(event.delayMs / 1000).toFixed(1)} s`;
    case 'paced':
      return `pacing: ${event.quotaRemaining} queries left in the quota window, waiting ${(event.delayMs / 1000).toFixed(1)} s`;
    case 'scope-failed':
      return `${event.error.queryId}: FAILED for ${describeScope(event.error.scope)}: ${event.error.message}`;
    case 'finished':
      return `finished: ${event.status}, ${event.totalRows} rows, ${event.errors} error(s)`;
  }
}

function describeScope(scope: { subscriptions?: string[]; managementGroups?: string[] }): string {
  if (scope.managementGroups?.length) return `management group ${scope.managementGroups.join(', ')}`;
  if (scope.subscriptions?.length) return scope.subscriptions.length === 1 ? `subscription ${scope.subscriptions[0]}` : `${scope.subscriptions.length} subscriptions`;
  return 'the tenant';
}

async function writeInventory(file: string, snapshot: InventorySnapshot): Promise<void> {
  await writeFileAtomic(file, Buffer.from(`${JSON.stringify(toInventoryFile(snapshot))}\n`, 'utf8'));
}

export const inventoryPullCommand: CliCommand = {
  name: 'inventory pull',
  summary: 'pull a live Azure inventory from Resource Graph into a JSON file',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseArgs(args);
    if (!parsed.output) throw new CliUsageError(`-o FILE is required\n\n${USAGE}`);
    const env = io.env;
    const armEndpoint = parsed.armEndpoint ?? env.DEMARC_ARM_ENDPOINT;
    const authorityHost = parsed.authorityHost ?? env.DEMARC_AUTHORITY_HOST ?? env.AZURE_AUTHORITY_HOST;
    let cloud;
    try {
      // The endpoints come from the user's own command line or environment, not from a
      // renderer: any port is accepted (https, no credentials, no query still apply).
      cloud = resolveCloud(
        {
          ...(parsed.cloud ? { cloud: parsed.cloud } : {}),
          ...(armEndpoint ? { armEndpoint } : {}),
          ...(authorityHost ? { authorityHost } : {}),
        },
        { anyPort: true },
      );
    } catch (error) {
      if (error instanceof CloudConfigError) throw new CliUsageError(error.message);
      throw error;
    }
    const method = parsed.auth ?? defaultSignInMethod(env);
    const log = (line: string | undefined): void => {
      if (line !== undefined && !parsed.quiet) io.stderr(`${line}\n`);
    };
    const signIn = signInFromEnvironment(method, cloud, parsed.tenant, io);
    const redact = signIn.redactor.redactor;
    const transport = createResourceGraphTransport({ signIn, cloud });
    const output = path.resolve(io.cwd, parsed.output);
    const { signal, dispose } = interruptSignal(io);
    try {
      log(`cloud ${cloud.name} (${cloud.armEndpoint}), sign-in: ${method}`);
      let subscriptions = parsed.subscriptions;
      if (subscriptions.length === 0 && parsed.managementGroups.length === 0) {
        log('discovering readable subscriptions…');
        const found = await discoverScopes({ transport, cloud, signal, redact });
        if (found.status === 'cancelled') {
          io.stderr('demarc inventory pull: cancelled\n');
          return 130;
        }
        const fatal = found.errors.find((e) => e.code === 'authentication-failed');
        if (fatal) {
          io.stderr(`demarc inventory pull: ${redact(fatal.message)}\n`);
          return 4;
        }
        if (found.status !== 'complete') {
          io.stderr(`demarc inventory pull: could not list subscriptions: ${redact(found.errors[0]?.message ?? 'unknown error')}\n`);
          return 1;
        }
        subscriptions = found.subscriptions.map((s) => s.subscriptionId);
        if (subscriptions.length === 0) {
          io.stderr('demarc inventory pull: this identity cannot read any subscription; pass --subscription or --management-group\n');
          return 1;
        }
        log(`found ${subscriptions.length} subscription(s) and ${found.managementGroups.length} management group(s)`);
      }
      const snapshot = await pullInventory({
        transport,
        cloud,
        scope: { subscriptions, managementGroups: parsed.managementGroups },
        signal,
        redact,
        onProgress: (event) => log(formatProgress(event)),
      });
      if (snapshot.status === 'cancelled') {
        io.stderr(`demarc inventory pull: cancelled after ${snapshot.totals.rows} rows; nothing written\n`);
        return 130;
      }
      const authFailure = snapshot.errors.find((e) => e.code === 'authentication-failed' && e.rowsReceived === 0 && snapshot.totals.rows === 0);
      if (authFailure) {
        io.stderr(`demarc inventory pull: ${redact(authFailure.message)}\n`);
        return 4;
      }
      if (snapshot.status === 'partial') {
        const partialFile = `${output.replace(/\.json$/i, '')}.partial.json`;
        await writeInventory(partialFile, snapshot);
        io.stderr(
          `demarc inventory pull: partial pull (${snapshot.errors.length} scope error(s), ${snapshot.totals.rows} rows); ` +
            `written to ${partialFile}, ${output} left untouched\n` +
            snapshot.errors.map((e) => `  ${e.queryId} — ${describeScope(e.scope)}: ${redact(e.message)}\n`).join(''),
        );
        return 3;
      }
      await writeInventory(output, snapshot);
      log(`wrote ${snapshot.totals.rows} rows to ${output}`);
      return 0;
    } finally {
      dispose();
    }
  },
};

