/**
 * The Vite targets of the desktop app, shared by `forge.config.ts` (npm start / make) and
 * `electron/build-bundles.ts` (npm run build), so both produce the same `.vite/` output.
 */
export const viteTargets = {
  build: [
    { entry: 'electron/main/main.ts', config: 'vite.main.config.ts', target: 'main' as const },
    { entry: 'electron/preload/preload.ts', config: 'vite.preload.config.ts', target: 'preload' as const },
  ],
  renderer: [{ name: 'main_window', config: 'vite.renderer.config.ts' }],
};
