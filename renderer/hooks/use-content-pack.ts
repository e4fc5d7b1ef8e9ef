import { bundledPack } from '../content/bundled-pack';
import type { ContentPack } from '../../core/content/types';

/** The bundled content pack (validated once, on first use). */
export function useContentPack(): ContentPack {
  return bundledPack();
}
