import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { tempDir } from '../test/temp-dir.js';

const exec = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;

it('sends the due submission notices and digests once, for cron', async () => {
  const data = join(tempDir('cb-digests-'), 'data');
  const env = { ...process.env, DATA_DIR: data, DATABASE_URL: '', LOG_LEVEL: 'silent', SEED_DEMO: 'false' };
  const { stdout } = await exec(process.execPath, ['--import', 'tsx', join(root, 'src/cli/index.ts'), 'send-digests'], { env, cwd: root });
  expect(stdout).toContain('Sent 0 e-mail(s).');
}, 60_000);
