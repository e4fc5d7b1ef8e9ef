/**
 * The content pack bundled with the app: the YAML of `assessments/azure-m365/` inlined by
 * Vite at build time and validated by the engine's pure loader. Loaded once, on first use.
 */
import { loadPack } from '../../core/content/loader';
import type { ContentPack, PackFile } from '../../core/content/types';

const PACK_PREFIX = '../../assessments/azure-m365/';

const sources = import.meta.glob('../../assessments/azure-m365/**/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

/** The pack's files as `{path, text}` relative to the pack folder. */
export function bundledPackFiles(): PackFile[] {
  return Object.entries(sources).map(([path, text]) => ({ path: path.slice(PACK_PREFIX.length), text }));
}

let loaded: ContentPack | undefined;

/**
 * The bundled pack: everything in it that validated. Its content errors are not the app
 * user's to fix; `demarc content check` and the pack tests list them.
 */
export function bundledPack(): ContentPack {
  loaded ??= loadPack(bundledPackFiles()).pack;
  return loaded;
}

