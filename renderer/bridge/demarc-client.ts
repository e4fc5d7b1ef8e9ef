/**
 * The renderer's typed client for `window.demarc` (installed by the preload, or by the
 * e2e harness). The renderer never imports electron; it calls main only through here.
 */
import {
  channels,
  type ChannelName,
  type ChannelRequest,
  type ChannelResponse,
  type DemarcApi,
  type EventName,
  type EventPayload,
  events,
  type IpcResult,
} from '../../core/ipc/contract';

/** A failed call to main, with the error code from the contract (or `bridge-missing`). */
export class DemarcBridgeError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'DemarcBridgeError';
  }
}

declare global {
  interface Window {
    demarc?: DemarcApi;
  }
}

function bridge(): DemarcApi {
  const api = window.demarc;
  if (!api) throw new DemarcBridgeError('bridge-missing', 'Demarc is not running inside its desktop shell.');
  return api;
}

export function hasBridge(): boolean {
  return typeof window !== 'undefined' && window.demarc !== undefined;
}

/** Calls one channel and returns its data, or throws a `DemarcBridgeError`. */
export async function callMain<C extends ChannelName>(channel: C, request: ChannelRequest<C>): Promise<ChannelResponse<C>> {
  const method = channels[channel].method as keyof DemarcApi;
  const fn = bridge()[method] as unknown as (request: ChannelRequest<C>) => Promise<IpcResult<ChannelResponse<C>>>;
  const result = await fn(request);
  if (!result || typeof result !== 'object' || !('ok' in result)) {
    throw new DemarcBridgeError('invalid-response', `${channel} returned no result.`);
  }
  if (!result.ok) throw new DemarcBridgeError(result.error.code, result.error.message);
  return result.data;
}

/** Subscribes to an event from main; returns the unsubscribe function. */
export function onMainEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  if (!hasBridge()) return () => undefined;
  const method = events[event].method as keyof DemarcApi;
  const subscribe = bridge()[method] as unknown as (listener: (payload: EventPayload<E>) => void) => () => void;
  return subscribe((payload) => {
    const parsed = events[event].payload.safeParse(payload);
    if (parsed.success) listener(parsed.data as EventPayload<E>);
  });
}
