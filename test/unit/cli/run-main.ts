import { main } from '../../../cli/main';

/** Runs `demarc` in-process in `cwd`, capturing its output and exit code. */
export async function runMain(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, cwd });
  return { code, stdout, stderr };
}
