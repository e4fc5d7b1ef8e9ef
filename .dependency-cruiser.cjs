/**
 * The import rules of the layers (core <- node <- electron/main, cli; see node/README.md),
 * checked in `npm test` (`npm run deps:check`). A violation fails the run; each rule is
 * proven by a planted violation in test/fixtures/import-boundaries/.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'core/ runs in Node and in the browser: no electron, react, dexie, zustand, fluent or node: built-ins.',
      severity: 'error',
      from: { path: '^core/' },
      to: {
        path: ['(^|/)node_modules/(electron|react|react-dom|dexie|dexie-react-hooks|zustand|@fluentui|@azure/identity|@azure/msal-node)(/|$)', '^(electron|renderer|cli)/'],
      },
    },
    {
      name: 'core-no-node-builtins',
      severity: 'error',
      from: { path: '^core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-not-node-layer',
      comment: 'core/ is below node/ (core <- node <- electron/main, cli): importing node/ would pull file system and network code into the browser.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^node/' },
    },
    {
      name: 'node-layer-no-electron',
      comment: 'node/ is shared by the main process and the CLI: Node built-ins yes, electron never (Electron APIs are injected by electron/main as interfaces).',
      severity: 'error',
      from: { path: '^node/' },
      to: {
        path: ['(^|/)node_modules/(electron|react|react-dom|dexie|dexie-react-hooks|zustand|@fluentui)(/|$)', '^(electron|renderer|cli)/'],
      },
    },
    {
      name: 'renderer-no-electron',
      comment: 'The renderer talks to main only through window.demarc; it never imports electron, main or preload code, or Node.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: ['(^|/)node_modules/(electron|@azure/identity|@azure/msal-node)(/|$)', '^(electron|cli)/'] },
    },
    {
      name: 'renderer-not-node-layer',
      comment: 'The renderer is a sandboxed browser page: the Node layer is reached only through window.demarc.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^node/' },
    },
    {
      name: 'renderer-no-node-builtins',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'preload-only-contract',
      comment: 'The preload imports electron, its own folder and the IPC contract only.',
      severity: 'error',
      from: { path: '^electron/preload/' },
      to: { pathNot: ['^electron/preload/', '^core/ipc/contract\\.ts$', '(^|/)node_modules/(electron|zod)(/|$)'] },
    },
    {
      name: 'main-not-renderer',
      severity: 'error',
      from: { path: '^electron/' },
      to: { path: '^(renderer|cli)/' },
    },
    {
      name: 'cli-not-app',
      comment: 'The CLI shares core and node/ with the app, never the renderer or Electron.',
      severity: 'error',
      from: { path: '^cli/' },
      to: { path: ['^(renderer|electron)/', '(^|/)node_modules/(electron|react|dexie|@fluentui)(/|$)'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.vite|out|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: require('node:path').join(__dirname, 'tsconfig.json') },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
