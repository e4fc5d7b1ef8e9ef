/**
 * Binds the handlers of the IPC contract to an `ipcMain`-like object through one wrapper
 * that checks the sender, parses the request with the channel's schema and turns every
 * outcome into an `IpcResult`. Electron is not imported: the app passes `ipcMain`, tests
 * pass a fake, and the browser e2e harness passes a Playwright binding transport.
 */
import type { z } from 'zod';
import {
  channelNames,
  channels,
  type ChannelName,
  type ChannelRequest,
  type ChannelResponse,
  type IpcErrorCode,
  type IpcResult,
} from '../../../core/ipc/contract';
import { originOf } from '../origin';

/** The parts of an IPC invoke event the wrapper reads (a subset of `IpcMainInvokeEvent`). */
export interface IpcSenderEvent {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown | null } | null;
}

export interface IpcMainLike {
  handle: (channel: string, listener: (event: IpcSenderEvent, request: unknown) => Promise<unknown>) => void;
}

/** Who may call: the main frame of one of our windows, showing our own origin. */
export interface SenderPolicy {
  trustedOrigins: readonly string[];
  isOwnWebContents: (webContentsId: number) => boolean;
}

/** An error a handler throws on purpose: its code and message reach the renderer. */
export class IpcHandlerError extends Error {
  constructor(readonly code: IpcErrorCode, message: string) {
    super(message);
    this.name = 'IpcHandlerError';
  }
}

/** Who asked: handlers that push events back (Azure pulls) send them to this web contents. */
export interface HandlerContext {
  senderId: number;
}

export type Handler<C extends ChannelName> = (request: ChannelRequest<C>, context?: HandlerContext) => Promise<ChannelResponse<C>>;
export type Handlers = { [C in ChannelName]: Handler<C> };

/** Why a sender is refused, or null when it is trusted. */
export function senderRefusal(event: IpcSenderEvent, policy: SenderPolicy): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (frame.parent !== null) return 'only the main frame may call';
  const origin = originOf(frame.url);
  if (!origin || !policy.trustedOrigins.includes(origin)) return `origin ${origin ?? 'unknown'} is not the app`;
  if (!policy.isOwnWebContents(event.sender.id)) return 'the sender is not a Demarc window';
  return null;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(request)'}: ${issue.message}`)
    .join('; ');
}

/** Logs the internal error (not sent to the renderer) — injected so tests can assert on it. */
export type InternalErrorLogger = (channel: ChannelName, error: unknown) => void;

/** Runs one request through sender check, schema, handler and response schema. */
export async function handleRequest<C extends ChannelName>(
  channel: C,
  handler: Handler<C>,
  event: IpcSenderEvent,
  request: unknown,
  policy: SenderPolicy,
  logInternalError: InternalErrorLogger,
): Promise<IpcResult<ChannelResponse<C>>> {
  const refusal = senderRefusal(event, policy);
  if (refusal) return { ok: false, error: { code: 'untrusted-sender', message: `Refused ${channel}: ${refusal}.` } };

  const parsed = channels[channel].request.safeParse(request);
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid-request', message: `Invalid ${channel} request: ${describeIssues(parsed.error)}` } };
  }
  try {
    const data = await handler(parsed.data as ChannelRequest<C>, { senderId: event.sender.id });
    const checked = channels[channel].response.safeParse(data);
    if (!checked.success) {
      logInternalError(channel, checked.error);
      return { ok: false, error: { code: 'invalid-response', message: `The ${channel} handler produced an invalid answer.` } };
    }
    return { ok: true, data: checked.data as ChannelResponse<C> };
  } catch (error) {
    if (error instanceof IpcHandlerError) return { ok: false, error: { code: error.code, message: error.message } };
    logInternalError(channel, error);
    return { ok: false, error: { code: 'internal', message: `${channel} failed unexpectedly; see the application log.` } };
  }
}

/** Registers every channel of the contract; throws if a handler is missing. */
export function registerHandlers(
  ipc: IpcMainLike,
  handlers: Handlers,
  policy: SenderPolicy,
  logInternalError: InternalErrorLogger,
): ChannelName[] {
  for (const channel of channelNames) {
    const handler = handlers[channel] as Handler<typeof channel> | undefined;
    if (typeof handler !== 'function') throw new Error(`No handler for IPC channel ${channel}`);
  }
  for (const channel of channelNames) {
    const handler = handlers[channel] as Handler<typeof channel>;
    ipc.handle(channel, (event, request) => handleRequest(channel, handler, event, request, policy, logInternalError));
  }
  return [...channelNames];
}
