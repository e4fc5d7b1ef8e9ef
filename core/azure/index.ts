/**
 * Live Azure inventory, the pure part: clouds, the fixed query catalogue, the pull
 * (paging, batching, pacing, retries, cancellation, snapshots) behind an injected
 * transport, and redaction. See README.md.
 */
export * from './clouds';
export * from './query-catalogue';
export * from './transport';
export * from './redact';
export * from './retry-policy';
export * from './schemas';
export * from './snapshot';
export * from './pull';
export * from './discovery';
