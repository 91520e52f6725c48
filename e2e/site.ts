import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, newContext } from './browser.js';
import { startPlatform, type PlatformOptions, type RunningPlatform } from './platform.js';

/** The demo accounts' password (README.md). */
export const DEMO_PASSWORD = 'Demo-Clusterbridge-2026';

export interface PageOptions {
  locale?: string;
  viewport?: { width: number; height: number };
  /** A demo account to sign in as, through the API, before the page opens. */
  email?: string;
}

/**
 * One built platform (demo data; `examples` adds the invented organisations) and one browser for a test
 * file: started before its tests, stopped after them.
 */
export function useSite(options: PlatformOptions = {}) {
  let platform: RunningPlatform | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    platform = await startPlatform(options);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });
  const site = {
    get platform(): RunningPlatform {
      return platform!;
    },
    get baseUrl(): string {
      return platform!.baseUrl;
    },
    get browser(): Browser {
      return browser!;
    },
    /** A new page in a context of its own (its locale and viewport), signed in when asked, at `path`. */
    async open(path: string, { email, ...context }: PageOptions = {}): Promise<Page> {
      const opened = await newContext(site.browser, context);
      if (email) {
        const signIn = await opened.request.post(`${site.baseUrl}/api/v1/auth/sign-in`, { data: { email, password: DEMO_PASSWORD } });
        if (signIn.status() !== 200) throw new Error(`sign-in of ${email} failed: ${signIn.status()}`);
      }
      const page = await opened.newPage();
      await page.goto(`${site.baseUrl}${path}`);
      return page;
    },
  };
  return site;
}
