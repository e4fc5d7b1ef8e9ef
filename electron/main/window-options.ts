/**
 * The main window's options. Every security-relevant web preference is set explicitly
 * (docs/SECURITY.md rows 2-5, 17) rather than left to Electron's defaults, and a unit test
 * pins each one.
 */
export interface WindowOptionInputs {
  preloadPath: string;
  isPackaged: boolean;
}

export function mainWindowOptions({ preloadPath, isPackaged }: WindowOptionInputs) {
  return {
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    title: 'Demarc',
    show: false,
    backgroundColor: '#1f1f1f',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !isPackaged,
      safeDialogs: true,
    },
  } as const;
}
