/**
 * Builds the `window.demarc` object from the IPC contract: one named function per channel
 * and one `on…` subscription per event. The transport is injected so the same code runs in
 * the real preload (ipcRenderer) and in the browser e2e harness (a Playwright binding).
 */
import {
  channelNames,
  channels,
  eventNames,
  events,
  type DemarcApi,
  type ChannelName,
  type EventName,
} from '../../core/ipc/contract';

export interface BridgeTransport {
  invoke: (channel: ChannelName, request: unknown) => Promise<unknown>;
  /** Subscribes to an event; the listener gets the payload only. Returns an unsubscribe function. */
  subscribe: (event: EventName, listener: (payload: unknown) => void) => () => void;
}

export function createDemarcApi(transport: BridgeTransport): DemarcApi {
  const api: Record<string, unknown> = {};
  for (const channel of channelNames) {
    api[channels[channel].method] = (request: unknown) => transport.invoke(channel, request);
  }
  for (const event of eventNames) {
    api[events[event].method] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError(`${events[event].method} needs a listener function`);
      return transport.subscribe(event, (payload) => listener(payload));
    };
  }
  return Object.freeze(api) as DemarcApi;
}
