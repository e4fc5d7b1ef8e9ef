/**
 * The main-process side of each IPC channel. Every Electron API is injected, so these
 * run under Vitest and in the browser e2e harness exactly as in the app.
 */
import { randomUUID } from 'node:crypto';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { createAzureHandlers, type AzureSessionApi } from './azure-handlers';
import { IpcHandlerError, type Handlers } from './register-handlers';
import { DOCUMENT_KINDS, hasDocumentExtension, type DocumentKind } from '../../../core/ipc/contract';
import { isAllowedExternalUrl } from '../external-links';
import { TemplateFolderError, readTemplateFolder, type TemplateFolderContents } from '../../../node/template-folder';
import { secureStorageStatus, type SafeStorageLike } from '../../../node/secure-storage-policy';

export interface SaveDialogResult {
  canceled: boolean;
  filePath?: string | undefined;
}

export interface SaveDialogOptions {
  title: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
}

export interface MainDeps {
  appInfo: { name: string; version: string; platform: string; isPackaged: boolean; electronVersion: string | null };
  openExternal: (url: string) => Promise<void>;
  showSaveDialog: (options: SaveDialogOptions) => Promise<SaveDialogResult>;
  writeFile: (absolutePath: string, bytes: Uint8Array) => Promise<void>;
  /** Electron's `dialog.showOpenDialog` for one folder. */
  showOpenFolderDialog: (options: { title: string }) => Promise<{ canceled: boolean; filePaths: string[] }>;
  /** Reads a report template folder (node/template-folder.ts); injectable for tests. */
  readTemplateFolder?: (dir: string) => Promise<TemplateFolderContents>;
  /** Electron's `shell.openPath`: resolves to '' on success, or an error message. */
  openPath: (absolutePath: string) => Promise<string>;
  /** Makes the opaque ids of saved documents; injectable for tests. */
  newDocumentId?: () => string;
  safeStorage: SafeStorageLike;
  /** Azure sign-in and pulls (node/azure/azure-session.ts). */
  azure: AzureSessionApi;
}

const SAVE_KINDS: Record<DocumentKind, { title: string; noun: string; filter: { name: string; extensions: string[] } }> = {
  report: { title: 'Save report', noun: 'A report', filter: { name: 'Word document', extensions: ['docx'] } },
  'register-csv': { title: 'Save risk register', noun: 'A risk register', filter: { name: 'CSV (comma-separated)', extensions: ['csv'] } },
  'register-xlsx': { title: 'Save register workbook', noun: 'A register workbook', filter: { name: 'Excel workbook', extensions: ['xlsx'] } },
  'assessment-bundle': { title: 'Export assessment', noun: 'An assessment', filter: { name: 'Demarc assessment', extensions: ['json'] } },
  inventory: { title: 'Save inventory', noun: 'An inventory', filter: { name: 'Inventory (JSON)', extensions: ['json'] } },
};

/** Refuses a file name without the kind's extension: nothing else may be written, nor later opened. */
function requireExtension(kind: DocumentKind, fileName: string): void {
  if (hasDocumentExtension(kind, fileName)) return;
  throw new IpcHandlerError('forbidden', `${SAVE_KINDS[kind].noun} is saved as a ${DOCUMENT_KINDS[kind].extension} file; ${fileName} was not saved.`);
}

async function isRegularFile(target: string): Promise<boolean> {
  try {
    return (await lstat(target)).isFile();
  } catch {
    return false;
  }
}

/** How many saved documents the session remembers for `file:open-document`. */
const REMEMBERED_DOCUMENTS = 50;

export function createHandlers(deps: MainDeps): Handlers {
  // Files this session wrote, by opaque id: the renderer can open what it saved, nothing else.
  const savedDocuments = new Map<string, { kind: DocumentKind; path: string }>();
  const newDocumentId = deps.newDocumentId ?? (() => randomUUID());
  return {
    'app:get-info': async () => ({ ...deps.appInfo }),

    'app:open-external': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) {
        throw new IpcHandlerError('forbidden', 'Only https links to Microsoft, NIST and CIS sites can be opened.');
      }
      await deps.openExternal(url);
      return { opened: true as const };
    },

    'file:save-document': async ({ kind, suggestedName, bytes }) => {
      const spec = SAVE_KINDS[kind];
      requireExtension(kind, suggestedName);
      const choice = await deps.showSaveDialog({ title: spec.title, defaultPath: suggestedName, filters: [{ name: spec.filter.name, extensions: [...spec.filter.extensions] }] });
      if (choice.canceled || !choice.filePath) return { saved: false, fileName: null, documentId: null };
      const target = path.resolve(choice.filePath);
      requireExtension(kind, path.basename(target));
      try {
        await deps.writeFile(target, bytes);
      } catch (error) {
        const reason = error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : 'write failed';
        throw new IpcHandlerError('io-error', `Could not save ${path.basename(target)} (${reason}). Nothing was written.`);
      }
      const documentId = newDocumentId();
      savedDocuments.set(documentId, { kind, path: target });
      if (savedDocuments.size > REMEMBERED_DOCUMENTS) savedDocuments.delete(savedDocuments.keys().next().value as string);
      return { saved: true, fileName: path.basename(target), documentId };
    },

    'file:choose-report-template': async () => {
      const choice = await deps.showOpenFolderDialog({ title: 'Choose a report template folder' });
      const folder = choice.filePaths[0];
      if (choice.canceled || !folder) return { chosen: false, folderName: null, files: [], skipped: [] };
      try {
        const { files, skipped } = await (deps.readTemplateFolder ?? readTemplateFolder)(folder);
        // Files read by Node are backed by plain ArrayBuffers.
        return { chosen: true, folderName: path.basename(folder), files: files as { path: string; text?: string; bytes?: Uint8Array<ArrayBuffer> }[], skipped };
      } catch (error) {
        if (error instanceof TemplateFolderError) throw new IpcHandlerError('io-error', error.message.replace(folder, path.basename(folder)));
        throw error;
      }
    },

    'file:open-document': async ({ documentId }) => {
      const saved = savedDocuments.get(documentId);
      if (!saved) throw new IpcHandlerError('forbidden', 'Only a document saved in this session can be opened.');
      const target = saved.path;
      // Checked again here, so nothing that bypassed the save-time check is ever opened.
      if (!hasDocumentExtension(saved.kind, path.basename(target))) throw new IpcHandlerError('forbidden', `${path.basename(target)} is not a document Demarc opens.`);
      // A link or folder put in its place since would hand the operating system something else to run.
      if (!(await isRegularFile(target))) throw new IpcHandlerError('forbidden', `${path.basename(target)} is no longer the file Demarc saved.`);
      const failure = await deps.openPath(target);
      if (failure) throw new IpcHandlerError('io-error', `Could not open ${path.basename(target)}: ${failure}`);
      return { opened: true as const };
    },

    'secure-storage:get-status': async () => secureStorageStatus(deps.safeStorage, deps.appInfo.platform),

    ...createAzureHandlers(deps.azure),
  };
}
