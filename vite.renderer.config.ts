import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const projectDir = import.meta.dirname;

export default defineConfig({
  root: path.join(projectDir, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: path.join(projectDir, '.vite', 'renderer', 'main_window'),
    emptyOutDir: true,
    target: 'chrome140',
    // No source maps in what ships: they would hand out the renderer's source beside the app.
    // The dev server (npm start) serves its own maps, so debugging is unaffected.
    sourcemap: false,
    // Inline assets would become data: URLs in script, which the CSP allows only for images.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: { host: '127.0.0.1', strictPort: false },
});
