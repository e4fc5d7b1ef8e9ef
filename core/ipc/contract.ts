/**
 * The one IPC contract between the renderer and the main process.
 *
 * Every channel is declared here with its request and response schema. The main process
 * parses each request with its schema before a handler sees it; the preload exposes one
 * named function per channel (`window.demarc.<method>`), never a generic `invoke`.
 * Names follow `<domain>:<verb-noun>`; events follow `<domain>:<noun>-<past-tense>`.
 *
 * Nothing in a response may carry a token or a secret: a unit test walks these schemas.
 */
import { z } from 'zod';

/** Largest file the renderer may hand to main for saving (a report or an export bundle). */
export const MAX_SAVE_BYTES = 200 * 1024 * 1024;

const fileName = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => ![...name].some((ch) => '\\/:*?"<>|'.includes(ch) || ch.charCodeAt(0) < 0x20), {
    message: 'must be a plain file name without path separators or reserved characters',
  })
  .refine((name) => name !== '.' && name !== '..', { message: 'must be a file name, not . or ..' });

export const appInfoSchema = z.strictObject({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  isPackaged: z.boolean(),
  electronVersion: z.string().nullable(),
});

export const secureStorageStatusSchema = z.strictObject({
  /** Whether safeStorage can encrypt at all on this machine. */
  encryptionAvailable: z.boolean(),
  /** Linux secret backend chosen by Electron; `basic_text` means no real protection. */
  backend: z.string(),
  /** Whether Demarc will persist a sign-in (never on `basic_text`). */
  canPersistSignIn: z.boolean(),
  /** Why persisting is refused, when it is. */
  reason: z.string().nullable(),
});

/** Every request/response channel. */
export const channels = {
  'app:get-info': {
    method: 'getAppInfo',
    request: z.strictObject({}),
    response: appInfoSchema,
  },
  'app:open-external': {
    method: 'openExternal',
    request: z.strictObject({ url: z.string().min(1).max(2048) }),
    response: z.strictObject({ opened: z.literal(true) }),
  },
  'file:save-document': {
    method: 'saveDocument',
    request: z.strictObject({
      /** What is being saved: picks the dialog's title and file-type filter. */
      kind: z.enum(['report', 'assessment-bundle', 'inventory']),
      suggestedName: fileName,
      bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_SAVE_BYTES, {
        message: `must be at most ${MAX_SAVE_BYTES} bytes`,
      }),
    }),
    /** Only the base name of the written file goes back, never its path. */
    response: z.strictObject({ saved: z.boolean(), fileName: z.string().nullable() }),
  },
  'secure-storage:get-status': {
    method: 'getSecureStorageStatus',
    request: z.strictObject({}),
    response: secureStorageStatusSchema,
  },
} as const;

/** Events pushed from main to the renderer. */
export const events = {
  'app:native-theme-updated': {
    method: 'onNativeThemeUpdated',
    payload: z.strictObject({ shouldUseDarkColors: z.boolean() }),
  },
} as const;

export type ChannelName = keyof typeof channels;
export type EventName = keyof typeof events;
export type ChannelRequest<C extends ChannelName> = z.infer<(typeof channels)[C]['request']>;
export type ChannelResponse<C extends ChannelName> = z.infer<(typeof channels)[C]['response']>;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]['payload']>;

/** Error codes an IPC answer may carry. */
export const ipcErrorCodes = [
  'untrusted-sender',
  'invalid-request',
  'invalid-response',
  'forbidden',
  'cancelled',
  'io-error',
  'internal',
] as const;
export type IpcErrorCode = (typeof ipcErrorCodes)[number];

/** What every handler answers: a result, never a thrown error (Electron keeps only `message`). */
export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: { code: IpcErrorCode; message: string } };

export const ipcResultSchema = <T extends z.ZodType>(data: T) =>
  z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), data }),
    z.strictObject({
      ok: z.literal(false),
      error: z.strictObject({ code: z.enum(ipcErrorCodes), message: z.string() }),
    }),
  ]);

/** The API the preload exposes as `window.demarc`: one named function per channel and event. */
export type DemarcApi = {
  [C in ChannelName as (typeof channels)[C]['method']]: (request: ChannelRequest<C>) => Promise<IpcResult<ChannelResponse<C>>>;
} & {
  [E in EventName as (typeof events)[E]['method']]: (listener: (payload: EventPayload<E>) => void) => () => void;
};

export const channelNames = Object.keys(channels) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];
