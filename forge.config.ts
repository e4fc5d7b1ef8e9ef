import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { MakerDeb } from '@electron-forge/maker-deb';
import { MakerDMG } from '@electron-forge/maker-dmg';
import { MakerSquirrel } from '@electron-forge/maker-squirrel';
import { MakerZIP } from '@electron-forge/maker-zip';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import type { ForgeConfig } from '@electron-forge/shared-types';
import { viteTargets } from './electron/vite-targets';

/** The hardening fuses of docs/SECURITY.md row 15, flipped when the app is packaged. */
export const hardeningFuses = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} as const;

const config: ForgeConfig = {
  packagerConfig: {
    name: 'Demarc',
    executableName: 'demarc',
    appBundleId: 'app.demarc.desktop',
    asar: true,
    // Forge packages `.vite/` only; the YAML content packs are bundled into the renderer.
  },
  rebuildConfig: {},
  makers: [
    new MakerSquirrel({ name: 'Demarc' }),
    new MakerZIP({}, ['darwin']),
    new MakerDMG({ format: 'ULFO' }),
    new MakerDeb({ options: { name: 'demarc', productName: 'Demarc', categories: ['Office', 'Utility'] } }),
    // maker-rpm has no Forge 8 release yet; the 7.x maker is loaded by name.
    { name: '@electron-forge/maker-rpm', platforms: ['linux'], config: { options: { name: 'demarc', productName: 'Demarc' } } },
  ],
  plugins: [
    new VitePlugin(viteTargets),
    new FusesPlugin(hardeningFuses),
  ],
};

export default config;
