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
  it('fails on core importing node: built-ins or electron, and on the renderer importing electron', () => {
    const { status, output } = cruise(path.join(root, 'test', 'fixtures', 'import-boundaries'), ['core', 'renderer']);
    expect(status).not.toBe(0);
    expect(output).toMatch(/core-no-node-builtins: core\/reads-files\.ts → (node:)?fs/);
    expect(output).toMatch(/core-is-pure: core\/uses-electron\.ts → .*node_modules\/electron/);
    expect(output).toMatch(/renderer-no-electron: renderer\/uses-electron\.ts → .*node_modules\/electron/);
    expect(output).not.toContain('core/fine.ts');
  });
});
