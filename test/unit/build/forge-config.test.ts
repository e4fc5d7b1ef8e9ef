import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import config, { hardeningFuses } from '../../../forge.config';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

describe('forge.config.ts', () => {
  it('flips every hardening fuse of docs/SECURITY.md row 15', () => {
    expect(hardeningFuses).toMatchObject({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('packages into an asar with the Vite and fuses plugins and the makers for every platform', () => {
    expect(config.packagerConfig?.asar).toBe(true);
    const pluginNames = (config.plugins ?? []).map((plugin) => (plugin as { name?: string }).name);
    expect(pluginNames).toEqual(expect.arrayContaining(['vite', 'fuses']));
    const makerNames = (config.makers ?? []).map((maker) => ('name' in maker ? maker.name : undefined));
    expect(makerNames).toEqual(expect.arrayContaining(['squirrel', 'zip', 'dmg', 'deb', '@electron-forge/maker-rpm']));
  });
});

describe('supply chain', () => {
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    engines: { node: string };
    devDependencies: Record<string, string>;
  };

  it('never depends on @electron/remote', () => {
    expect(Object.keys(lock.packages).filter((name) => name.endsWith('node_modules/@electron/remote'))).toEqual([]);
  });

  it('pins a current Electron major (45) and requires Node ≥ 22.12', () => {
    const electron = lock.packages['node_modules/electron']?.version ?? '';
    expect(Number(electron.split('.')[0])).toBeGreaterThanOrEqual(45);
    expect(pkg.engines.node).toBe('>=22.12.0');
    expect(readFileSync(path.join(root, '.nvmrc'), 'utf8').trim()).toBe('24');
  });

  it('takes every package from the npm registry (no git, tarball or file dependencies)', () => {
    const entries = Object.entries(lock.packages).filter(([name]) => name.startsWith('node_modules/'));
    expect(entries.length).toBeGreaterThan(100);
    const offRegistry = entries.filter(([, entry]) => {
      const { version = '', resolved } = entry as { version?: string; resolved?: string };
      return !/^\d+\.\d+\.\d+/.test(version) || (resolved !== undefined && !resolved.startsWith('https://registry.npmjs.org/'));
    });
    expect(offRegistry.map(([name]) => name)).toEqual([]);
  });
});
