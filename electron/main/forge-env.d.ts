// Defined by @electron-forge/plugin-vite (and by electron/build-bundles.ts for `npm run build`).
declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;
declare const MAIN_WINDOW_VITE_NAME: string;
