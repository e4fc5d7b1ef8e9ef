import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const depcruise = path.join(root, 'node_modules', '.bin', 'depcruise');

/** Runs the project's dependency-cruiser config over `targets` inside `baseDir`. */
function cruise(baseDir: string, targets: string[]): { status: number; output: string } {
  try {
    const output = execFileSync(depcruise, ['--config', path.join(root, '.dependency-cruiser.cjs'), ...targets], {
      cwd: baseDir,
      encoding: 'utf8',
    });
    return { status: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string };
    return { status: e.status, output: e.stdout };
  }
}

describe('import-boundary check', () => {
  const fixtures = path.join(root, 'test', 'fixtures', 'import-boundaries');
  const { status, output } = cruise(fixtures, ['core', 'node', 'electron', 'renderer', 'cli']);

  it('fails on the planted violations', () => {
    expect(status).not.toBe(0);
  });

  it('fails on core importing node: built-ins, electron or node/, and on the renderer importing electron', () => {
    expect(output).toMatch(/core-no-node-builtins: core\/reads-files\.ts → (node:)?fs/);
    expect(output).toMatch(/core-is-pure: core\/uses-electron\.ts → .*node_modules\/electron/);
    expect(output).toMatch(/core-not-node-layer: core\/uses-node-layer\.ts → node\/fine\.ts/);
    expect(output).toMatch(/renderer-no-electron: renderer\/uses-electron\.ts → .*node_modules\/electron/);
  });

  it('keeps node/ free of electron and of the layers above it, and the renderer free of node/', () => {
    expect(output).toMatch(/node-layer-no-electron: node\/uses-electron\.ts → .*node_modules\/electron/);
    expect(output).toMatch(/node-layer-no-electron: node\/uses-electron-main\.ts → electron\/main\/uses-node\.ts/);
    expect(output).toMatch(/node-layer-no-electron: node\/uses-cli\.ts → cli\/uses-node\.ts/);
    expect(output).toMatch(/node-layer-no-electron: node\/uses-renderer\.ts → renderer\/uses-electron\.ts/);
    expect(output).toMatch(/renderer-not-node-layer: renderer\/uses-node-layer\.ts → node\/fine\.ts/);
    expect(output).toMatch(/cli-not-app: cli\/uses-electron-main\.ts → electron\/main\/uses-node\.ts/);
  });

  it('lets cli and electron/main use node/, and node/ use core/', () => {
    for (const allowed of ['core/fine.ts →', 'node/fine.ts →', 'cli/uses-node.ts →', 'electron/main/uses-node.ts →']) expect(output).not.toContain(`: ${allowed}`);
  });
});
