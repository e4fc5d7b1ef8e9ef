import { defineConfig } from 'vite';

// The preload runs sandboxed: it must be one CommonJS file that requires only `electron`
// (a build test checks this).
export default defineConfig({
  build: { sourcemap: false, target: 'chrome140' },
});
