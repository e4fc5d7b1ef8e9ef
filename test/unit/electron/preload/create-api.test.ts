import { describe, expect, it, vi } from 'vitest';
import { channelNames, channels, eventNames, events } from '../../../../core/ipc/contract';
import { createDemarcApi } from '../../../../electron/preload/create-api';

describe('createDemarcApi', () => {
  it('exposes exactly one named function per channel and event, and no generic invoke', () => {
    const api = createDemarcApi({ invoke: vi.fn(), subscribe: vi.fn() });
    const expected = [...channelNames.map((c) => channels[c].method), ...eventNames.map((e) => events[e].method)].sort();
    expect(Object.keys(api).sort()).toEqual(expected);
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('send');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends each call on its own channel', async () => {
    const invoke = vi.fn(async () => ({ ok: true, data: { opened: true } }));
    const api = createDemarcApi({ invoke, subscribe: vi.fn() });
    await api.openExternal({ url: 'https://learn.microsoft.com/' });
    expect(invoke).toHaveBeenCalledWith('app:open-external', { url: 'https://learn.microsoft.com/' });
  });

  it('hands listeners the payload only and returns the unsubscribe function', () => {
    let deliver: ((payload: unknown) => void) | undefined;
    const unsubscribe = vi.fn();
    const api = createDemarcApi({
      invoke: vi.fn(),
      subscribe: (_event, listener) => {
        deliver = listener;
        return unsubscribe;
      },
    });
    const listener = vi.fn();
    const off = api.onNativeThemeUpdated(listener);
    deliver?.({ shouldUseDarkColors: true });
    expect(listener).toHaveBeenCalledWith({ shouldUseDarkColors: true });
    expect(listener.mock.calls[0]).toHaveLength(1);
    off();
    expect(unsubscribe).toHaveBeenCalledOnce();
  });

  it('refuses a listener that is not a function', () => {
    const api = createDemarcApi({ invoke: vi.fn(), subscribe: vi.fn() });
    expect(() => api.onNativeThemeUpdated('alert(1)' as never)).toThrow(TypeError);
  });
});
