/**
 * What `demarc inventory pull` and `demarc graph pull` share: the sign-in built from the
 * command line and the AZURE_* environment, and cancellation on Ctrl+C.
 */
import type { ResolvedCloud } from '../core/azure/clouds';
import { createSignIn, SignInConfigError, type AzureSignIn, type SignInMethod } from '../node/azure/credentials';
import { CliUsageError, type CliIo } from './io';

/**
 * Builds the sign-in: a service principal from AZURE_CLIENT_SECRET or
 * AZURE_CLIENT_CERTIFICATE_PATH, otherwise the interactive method asked for. Device codes go
 * to stderr: the user has to read them even with --quiet.
 */
export function signInFromEnvironment(method: SignInMethod, cloud: ResolvedCloud, tenant: string | undefined, io: CliIo): AzureSignIn {
  const env = io.env;
  const tenantId = tenant ?? env.AZURE_TENANT_ID;
  try {
    return createSignIn({
      method,
      cloud,
      ...(tenantId ? { tenantId } : {}),
      ...(env.AZURE_CLIENT_ID ? { clientId: env.AZURE_CLIENT_ID } : {}),
      ...(method === 'service-principal' && env.AZURE_CLIENT_SECRET ? { clientSecret: env.AZURE_CLIENT_SECRET } : {}),
      ...(method === 'service-principal' && !env.AZURE_CLIENT_SECRET && env.AZURE_CLIENT_CERTIFICATE_PATH
        ? { certificatePath: env.AZURE_CLIENT_CERTIFICATE_PATH }
        : {}),
      ...(env.AZURE_CLIENT_CERTIFICATE_PASSWORD ? { certificatePassword: env.AZURE_CLIENT_CERTIFICATE_PASSWORD } : {}),
      onDeviceCode: (prompt) => io.stderr(`${prompt.message}\n`),
    });
  } catch (error) {
    if (error instanceof SignInConfigError) throw new CliUsageError(error.message);
    throw error;
  }
}

/** Aborts on SIGINT when the entry point gave no signal. */
export function interruptSignal(io: CliIo): { signal: AbortSignal; dispose(): void } {
  if (io.signal) return { signal: io.signal, dispose: () => {} };
  const controller = new AbortController();
  const onSigint = (): void => controller.abort(new Error('interrupted'));
  process.once('SIGINT', onSigint);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', onSigint) };
}
