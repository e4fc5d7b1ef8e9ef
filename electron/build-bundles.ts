/**
 * `npm run build`: builds main, preload and renderer into `.vite/` with exactly the Vite
 * configuration Electron Forge's Vite plugin would use, without needing the Electron binary
 * (Forge's own `package` step downloads it, which these build machines cannot do).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type InlineConfig } from 'vite';
import { viteTargets } from './vite-targets';

const projectDir = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
// The package exports only its entry (dist/VitePlugin.js); its config generator sits beside it.
const pluginDist = path.dirname(require.resolve('@electron-forge/plugin-vite'));
const { default: ViteConfigGenerator } = (await import(pathToFileURL(path.join(pluginDist, 'ViteConfig.js')).href)) as {
  default: new (
    config: typeof viteTargets,
    projectDir: string,
    isProd: boolean,
  ) => { getBuildConfigs(): Promise<InlineConfig[]>; getRendererConfig(): Promise<InlineConfig[]> };
};

const generator = new ViteConfigGenerator(viteTargets, projectDir, true);
const configs = [...(await generator.getBuildConfigs()), ...(await generator.getRendererConfig())];
for (const config of configs) {
  await build({ ...config, configFile: false, logLevel: process.env.CI ? 'warn' : 'info' });
}
process.stdout.write(`Built ${configs.length} bundles into ${path.join(projectDir, '.vite')}\n`);
