/** Node-side Microsoft Graph collector for main and the CLI. See README.md. */
export * from './graph-client';
export * from './middleware';
export * from './pull';
export * from './sign-in';
