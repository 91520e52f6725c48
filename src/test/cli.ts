import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;

/** Runs the CLI as a user would, on a data folder of its own; `env` adds to or overrides the environment. */
export async function clusterbridge(dataDir: string, args: string[], env: Record<string, string> = {}) {
  const environment = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent', SEED_EXAMPLES: 'true', ...env };
  try {
    const { stdout, stderr } = await exec(process.execPath, ['--import', 'tsx', join(root, 'src/cli/index.ts'), ...args], {
      env: environment,
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
