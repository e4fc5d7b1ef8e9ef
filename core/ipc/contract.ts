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
import { endpointProblem } from '../azure/endpoint';
import { INVENTORY_QUERY_IDS } from '../azure/query-catalogue';
import { pullProgressEventSchema, snapshotMetaSchema, snapshotStatusSchema } from '../azure/schemas';
import { GRAPH_COLLECTION_IDS } from '../graph/collections';
import { graphGapSchema } from '../graph/snapshot';

/**
 * What the renderer may save, with the only file-name endings each kind may have. Main
 * refuses any other ending at save and again before opening a saved file, so a compromised
 * renderer cannot write `x.hta` or `x.lnk` and have the operating system run it.
 */
export const DOCUMENT_KINDS = {
  report: { extension: '.docx' },
  'register-csv': { extension: '.csv' },
  'register-xlsx': { extension: '.xlsx' },
  'assessment-bundle': { extension: '.demarc.json' },
  inventory: { extension: '.json' },
} as const;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;
const documentKinds = Object.keys(DOCUMENT_KINDS) as [DocumentKind, ...DocumentKind[]];

/** Whether `fileName` ends with the extension of `kind` (case-insensitive, as on Windows and macOS). */
export function hasDocumentExtension(kind: DocumentKind, fileName: string): boolean {
  return fileName.toLowerCase().endsWith(DOCUMENT_KINDS[kind].extension) && fileName.length > DOCUMENT_KINDS[kind].extension.length;
}

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

/**
 * A custom endpoint: https, no credentials, no query or fragment (core/azure/clouds.ts
 * `endpointProblem`). The port rule (443 only) is the Azure session's, in main, because the
 * tests' loopback fakes need another port and tell the session so.
 */
const httpsUrl = z
  .string()
  .max(500)
  .superRefine((value, ctx) => {
    const problem = endpointProblem(value, { anyPort: true });
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A sovereign cloud by name, or a custom ARM endpoint + Entra authority host. */
export const cloudTargetSchema = z.discriminatedUnion('cloud', [
  z.strictObject({ cloud: z.enum(['public', 'china', 'usgov']) }),
  z.strictObject({ cloud: z.literal('custom'), armEndpoint: httpsUrl, authorityHost: httpsUrl }),
]);

const guid = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'must be a GUID');
const tenant = z.union([guid, z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9.-]{1,250}\.[a-zA-Z]{2,}$/, 'must be a tenant GUID or domain')]);

/** What the renderer may know of an Azure sign-in: who and where, never a token. */
export const azureSessionSchema = z.strictObject({
  /** The truth: main holds a usable sign-in. `account` may be set while this is false (a remembered sign-in that expired). */
  signedIn: z.boolean(),
  account: z
    .strictObject({
      username: z.string().nullable(),
      tenantId: z.string().nullable(),
      cloud: z.string(),
      armEndpoint: z.string(),
      method: z.enum(['browser', 'device-code', 'cli']),
    })
    .nullable(),
  /** A sign-in is remembered on disk (authentication record + encrypted token cache). */
  remembered: z.boolean(),
  /** Whether `remember: true` is accepted on this machine (a real keyring / OS encryption). */
  canRemember: z.boolean(),
  /** Why remembering is refused, when it is (no keyring, no OS encryption). */
  reason: z.string().nullable(),
  /** Something to tell the consultant, e.g. why a remembered sign-in could not be restored. */
  notice: z.string().nullable(),
  /** The pull still running (events keep coming for it), or null. */
  activePullId: z.string().nullable(),
});

const azureSubscriptionId = guid;
const managementGroupId = z.string().min(1).max(90).regex(/^[\w().-]+$/, 'must be a management group id');

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
      kind: z.enum(documentKinds),
      suggestedName: fileName,
      bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_SAVE_BYTES, {
        message: `must be at most ${MAX_SAVE_BYTES} bytes`,
      }),
    }),
    /**
     * Only the base name of the written file goes back, never its path, plus an opaque id
     * with which the renderer may ask main to open that same file (`file:open-document`).
     */
    response: z.strictObject({ saved: z.boolean(), fileName: z.string().nullable(), documentId: z.string().nullable() }),
  },
  'file:choose-report-template': {
    method: 'chooseReportTemplate',
    /** Main shows a folder dialog and reads the template files; the renderer never names a path. */
    request: z.strictObject({}),
    response: z.strictObject({
      chosen: z.boolean(),
      folderName: z.string().nullable(),
      files: z
        .array(
          z.strictObject({
            path: z.string().min(1).max(300),
            text: z.string().optional(),
            bytes: z.instanceof(Uint8Array).optional(),
          }),
        )
        .max(300),
      /** What the folder walk did not read, and why (hidden, a link, unknown kind, too big, too deep). */
      skipped: z.array(z.strictObject({ path: z.string().min(1).max(300), reason: z.string().min(1).max(300) })).max(60),
    }),
  },
  'file:open-document': {
    method: 'openDocument',
    /** Opens a file this session saved, in the operating system's default application. */
    request: z.strictObject({ documentId: z.string().min(1).max(100) }),
    response: z.strictObject({ opened: z.literal(true) }),
  },
  'secure-storage:get-status': {
    method: 'getSecureStorageStatus',
    request: z.strictObject({}),
    response: secureStorageStatusSchema,
  },
  'azure:get-session': {
    method: 'getAzureSession',
    request: z.strictObject({}),
    response: azureSessionSchema,
  },
  'azure:sign-in': {
    method: 'signInToAzure',
    request: z.strictObject({
      /** Service principals are for the CLI: a secret never passes through the renderer. */
      method: z.enum(['browser', 'device-code', 'cli']),
      target: cloudTargetSchema,
      tenantId: tenant.optional(),
      remember: z.boolean(),
    }),
    response: azureSessionSchema,
  },
  'azure:resolve-target': {
    method: 'resolveAzureTarget',
    /**
     * The endpoints a sign-in to `target` would use, as main resolves and checks them, so the
     * renderer can show the authority host before anything opens (refused: `invalid-request`).
     */
    request: z.strictObject({ target: cloudTargetSchema }),
    response: z.strictObject({ authorityHost: z.string().max(500), armEndpoint: z.string().max(500) }),
  },
  'azure:sign-out': {
    method: 'signOutOfAzure',
    request: z.strictObject({}),
    response: azureSessionSchema,
  },
  'azure:discover-scopes': {
    method: 'discoverAzureScopes',
    request: z.strictObject({}),
    response: z.strictObject({
      status: snapshotStatusSchema,
      subscriptions: z.array(
        z.strictObject({
          subscriptionId: z.string(),
          name: z.string(),
          tenantId: z.string().nullable(),
          state: z.string().nullable(),
          managementGroupAncestors: z.array(z.string()),
        }),
      ),
      managementGroups: z.array(
        z.strictObject({ name: z.string(), displayName: z.string().nullable(), tenantId: z.string().nullable(), parent: z.string().nullable() }),
      ),
      errors: z.array(z.strictObject({ code: z.string(), message: z.string() })),
    }),
  },
  'azure:start-pull': {
    method: 'startAzurePull',
    request: z
      .strictObject({
        subscriptions: z.array(azureSubscriptionId).max(10_000),
        managementGroups: z.array(managementGroupId).max(1_000),
        /** Fixed query ids from the catalogue; the renderer never sends KQL. Default: all. */
        queries: z.array(z.enum(INVENTORY_QUERY_IDS)).min(1).max(INVENTORY_QUERY_IDS.length).optional(),
      })
      .refine((request) => request.subscriptions.length + request.managementGroups.length > 0, {
        message: 'pick at least one subscription or management group',
        path: ['subscriptions'],
      }),
    /** The pull runs on; its pages, progress and end arrive as `azure:pull-*` events. */
    response: z.strictObject({ pullId: z.string() }),
  },
  'azure:cancel-pull': {
    method: 'cancelAzurePull',
    request: z.strictObject({ pullId: z.string().min(1).max(100) }),
    /** True when a running pull was told to stop; its `azure:pull-finished` (status cancelled) follows. */
    response: z.strictObject({ cancelled: z.boolean() }),
  },
  'azure:cancel-sign-in': {
    method: 'cancelAzureSignIn',
    request: z.strictObject({}),
    /** True when a sign-in was waiting (browser or device code); its `azure:sign-in` call then fails with code `cancelled`. */
    response: z.strictObject({ cancelled: z.boolean() }),
  },
  'graph:start-pull': {
    method: 'startGraphPull',
    /**
     * Reads Microsoft Graph (GET only) with the current Azure sign-in. The Graph cloud follows
     * the sign-in's cloud; a custom cloud names its Graph root here (main checks it as it
     * checks the other custom endpoints).
     */
    request: z.strictObject({ graphEndpoint: httpsUrl.optional() }),
    /** The pull runs on; its progress and end arrive as `graph:pull-*` events. */
    response: z.strictObject({ pullId: z.string() }),
  },
  'graph:cancel-pull': {
    method: 'cancelGraphPull',
    request: z.strictObject({ pullId: z.string().min(1).max(100) }),
    /** True when a running pull was told to stop; its `graph:pull-finished` (status cancelled) follows. */
    response: z.strictObject({ cancelled: z.boolean() }),
  },
} as const;

const graphCollectionId = z.enum(GRAPH_COLLECTION_IDS);

/** Progress of a Graph pull, one collection after another (node/graph/pull.ts `GraphPullEvent`). */
export const graphPullProgressSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('collection-started'), collection: graphCollectionId, index: z.number().int().nonnegative(), total: z.number().int().positive() }),
  z.strictObject({ kind: z.literal('collection-finished'), collection: graphCollectionId, rows: z.number().int().nonnegative(), pages: z.number().int().nonnegative() }),
  z.strictObject({ kind: z.literal('collection-gap'), gap: graphGapSchema }),
  z.strictObject({ kind: z.literal('retrying'), collection: graphCollectionId, attempt: z.number().int(), delayMs: z.number().nonnegative(), reason: z.string() }),
]);
export type GraphPullProgress = z.infer<typeof graphPullProgressSchema>;

/** Events pushed from main to the renderer. */
export const events = {
  'app:native-theme-updated': {
    method: 'onNativeThemeUpdated',
    payload: z.strictObject({ shouldUseDarkColors: z.boolean() }),
  },
  /** Device-code sign-in: the code the consultant types at the verification page. */
  'azure:device-code-issued': {
    method: 'onAzureDeviceCodeIssued',
    payload: z.strictObject({ userCode: z.string(), verificationUri: z.string(), message: z.string() }),
  },
  'azure:pull-progressed': {
    method: 'onAzurePullProgressed',
    payload: z.strictObject({ pullId: z.string(), progress: pullProgressEventSchema }),
  },
  /** A page of Resource Graph rows (untrusted data: validate before storing). */
  'azure:pull-page-received': {
    method: 'onAzurePullPageReceived',
    payload: z.strictObject({
      pullId: z.string(),
      snapshotId: z.string(),
      queryId: z.string(),
      table: z.string(),
      page: z.number().int().positive(),
      /** Rows pass as they are: z.record would drop a `__proto__` key unseen; the renderer applies the rows' key rule and counts. */
      rows: z.array(z.custom<Record<string, unknown>>((row) => typeof row === 'object' && row !== null && !Array.isArray(row), 'each row must be an object')),
    }),
  },
  /** The pull ended: the snapshot's metadata (complete, partial or cancelled). Every page came before it. */
  'azure:pull-finished': {
    method: 'onAzurePullFinished',
    payload: z.strictObject({ pullId: z.string(), snapshot: snapshotMetaSchema }),
  },
  'graph:pull-progressed': {
    method: 'onGraphPullProgressed',
    payload: z.strictObject({ pullId: z.string(), progress: graphPullProgressSchema }),
  },
  /**
   * A Graph pull ended. `complete`: `snapshot` is the Graph snapshot file's content (untrusted
   * data: the renderer validates it whole before storing); `failed`: `message` says why and
   * nothing is stored; `cancelled`: nothing is stored.
   */
  'graph:pull-finished': {
    method: 'onGraphPullFinished',
    payload: z.strictObject({
      pullId: z.string(),
      status: z.enum(['complete', 'cancelled', 'failed']),
      snapshot: z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'the snapshot must be an object').nullable(),
      collection: graphCollectionId.nullable(),
      message: z.string().nullable(),
    }),
  },
  /** The pull broke without a snapshot (a defect, not an Azure error: those make a partial snapshot). Discard its pages. */
  'azure:pull-failed': {
    method: 'onAzurePullFailed',
    payload: z.strictObject({ pullId: z.string(), message: z.string() }),
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
  /** Azure: there is no sign-in (or it expired); sign in first. */
  'not-signed-in',
  /** Azure: a sign-in or a pull is already running. */
  'busy',
  /** Azure: the sign-in itself failed (wrong tenant, AADSTS error, no Azure CLI login). */
  'sign-in-failed',
  'internal',
] as const;
export type IpcErrorCode = (typeof ipcErrorCodes)[number];

/** What every handler answers: a result, never a thrown error (Electron keeps only `message`). */
export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: { code: IpcErrorCode; message: string } };

/** The API the preload exposes as `window.demarc`: one named function per channel and event. */
export type DemarcApi = {
  [C in ChannelName as (typeof channels)[C]['method']]: (request: ChannelRequest<C>) => Promise<IpcResult<ChannelResponse<C>>>;
} & {
  [E in EventName as (typeof events)[E]['method']]: (listener: (payload: EventPayload<E>) => void) => () => void;
};

export const channelNames = Object.keys(channels) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];
