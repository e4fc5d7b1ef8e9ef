import { defineConfig } from 'vite';

// Forge's Vite plugin supplies the entry, CommonJS output and Node externals; this adds
// only what Demarc's main process needs on top.
export default defineConfig({
  build: { sourcemap: true, target: 'node22' },
});
