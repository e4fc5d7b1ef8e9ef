/**
 * The `azure:*` and `graph:*` channels: thin adapters from the IPC contract to the {@link AzureSession}
 * (node/azure/azure-session.ts). Session refusals become
 * {@link IpcHandlerError}s with their code and (already redacted) message; anything else is
 * redacted too before it can reach the renderer or the internal-error log.
 */
import { safeErrorMessage } from '../../../core/azure/redact';
import type { ChannelName } from '../../../core/ipc/contract';
import { AzureSessionError, type AzureSession } from '../../../node/azure/azure-session';
import { IpcHandlerError, type Handler, type Handlers } from './register-handlers';

/** The part of {@link AzureSession} the handlers call (tests may pass a stand-in). */
export type AzureSessionApi = Pick<
  AzureSession,
  'getSession' | 'resolveTarget' | 'signIn' | 'cancelSignIn' | 'signOut' | 'discoverScopes' | 'startPull' | 'cancelPull' | 'startGraphPull' | 'cancelGraphPull' | 'redact'
>;

type AzureChannel = Extract<ChannelName, `azure:${string}` | `graph:${string}`>;

function guarded<C extends AzureChannel>(session: AzureSessionApi, channel: C, run: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await run(request, context);
    } catch (error) {
      if (error instanceof IpcHandlerError) throw error;
      if (error instanceof AzureSessionError) throw new IpcHandlerError(error.code, session.redact(error.message));
      throw new IpcHandlerError('internal', `${channel} failed: ${safeErrorMessage(error, session.redact, 300)}`);
    }
  };
}

export function createAzureHandlers(session: AzureSessionApi): Pick<Handlers, AzureChannel> {
  return {
    'azure:get-session': guarded(session, 'azure:get-session', () => session.getSession()),
    'azure:resolve-target': guarded(session, 'azure:resolve-target', async ({ target }) => session.resolveTarget(target)),
    'azure:sign-in': guarded(session, 'azure:sign-in', (request, context) => session.signIn(request, context?.senderId)),
    'azure:cancel-sign-in': guarded(session, 'azure:cancel-sign-in', async () => session.cancelSignIn()),
    'azure:sign-out': guarded(session, 'azure:sign-out', () => session.signOut()),
    'azure:discover-scopes': guarded(session, 'azure:discover-scopes', () => session.discoverScopes()),
    'azure:start-pull': guarded(session, 'azure:start-pull', (request, context) => session.startPull(request, context?.senderId)),
    'azure:cancel-pull': guarded(session, 'azure:cancel-pull', async ({ pullId }) => session.cancelPull(pullId)),
    // Microsoft Graph pulls run on the same sign-in (node/graph/graph-pulls.ts).
    'graph:start-pull': guarded(session, 'graph:start-pull', (request, context) => session.startGraphPull(request, context?.senderId)),
    'graph:cancel-pull': guarded(session, 'graph:cancel-pull', async ({ pullId }) => session.cancelGraphPull(pullId)),
  };
}
