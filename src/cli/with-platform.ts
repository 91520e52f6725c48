import type { Config } from '../config/config.js';
import { openPlatform, type Platform } from '../platform.js';

/** Opens the platform for one command and closes it whatever happens. */
export async function withPlatform<T>(config: Config, work: (platform: Platform) => Promise<T>): Promise<T> {
  const platform = await openPlatform(config);
  try {
    return await work(platform);
  } finally {
    await platform.close();
  }
}
