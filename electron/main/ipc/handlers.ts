/**
 * The main-process side of each IPC channel. Every Electron API is injected, so these
 * run under Vitest and in the browser e2e harness exactly as in the app.
 */
import path from 'node:path';
import { IpcHandlerError, type Handlers } from './register-handlers';
import { isAllowedExternalUrl } from '../external-links';
import { secureStorageStatus, type SafeStorageLike } from '../secure-storage-policy';

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
  safeStorage: SafeStorageLike;
}

const SAVE_KINDS = {
  report: { title: 'Save report', filter: { name: 'Word document', extensions: ['docx'] } },
  'assessment-bundle': { title: 'Export assessment', filter: { name: 'Demarc assessment', extensions: ['json'] } },
  inventory: { title: 'Save inventory', filter: { name: 'Inventory (JSON)', extensions: ['json'] } },
} as const;

export function createHandlers(deps: MainDeps): Handlers {
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
      const choice = await deps.showSaveDialog({ title: spec.title, defaultPath: suggestedName, filters: [{ name: spec.filter.name, extensions: [...spec.filter.extensions] }] });
      if (choice.canceled || !choice.filePath) return { saved: false, fileName: null };
      const target = path.resolve(choice.filePath);
      try {
        await deps.writeFile(target, bytes);
      } catch (error) {
        const reason = error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : 'write failed';
        throw new IpcHandlerError('io-error', `Could not save ${path.basename(target)} (${reason}). Nothing was written.`);
      }
      return { saved: true, fileName: path.basename(target) };
    },

    'secure-storage:get-status': async () => secureStorageStatus(deps.safeStorage, deps.appInfo.platform),
  };
}
