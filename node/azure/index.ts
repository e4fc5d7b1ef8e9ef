/**
 * Node-side Azure services for the main process and the CLI: sign-in, the real Resource
 * Graph transport, and the safeStorage token cache. See README.md.
 */
export * from './credentials';
export * from './resource-graph-transport';
export * from './token-cache';
