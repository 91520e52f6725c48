/// <reference lib="dom" />
// page.evaluate callbacks run in the browser
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);

/** Debian's Chromium; the browser tests never skip silently without it. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}. The browser tests need Debian's chromium: run "apt-get install -y chromium" as root ` +
        '(npm test does this itself when run as root), or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  return path;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

export function newContext(
  browser: Browser,
  options: { locale?: string; viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  // bypassCSP lets axe-core be injected; the platform's own CSP is tested on its own
  return browser.newContext({ locale: options.locale ?? 'en-GB', viewport: options.viewport ?? DESKTOP, bypassCSP: true });
}

/** Runs axe-core in the page and returns the serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<{ id: string; impact: string; help: string; targets: string[] }[]> {
  const axe = require('axe-core') as { source: string };
  await page.addScriptTag({ content: axe.source });
  const results = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run(ctx: Document): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> };
    };
    return w.axe.run(document);
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Each page's serious and critical violations, in one locale and viewport: what the accessibility tests expect empty. */
export async function a11yReport(
  browser: Browser,
  baseUrl: string,
  paths: string[],
  options: { locale: string; viewport?: { width: number; height: number } },
): Promise<{ path: string; violations: Awaited<ReturnType<typeof seriousA11yViolations>> }[]> {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  const report = [];
  for (const path of paths) {
    await page.goto(`${baseUrl}${path}`);
    await page.locator('h1').waitFor();
    await page.waitForLoadState('networkidle');
    report.push({ path, violations: await seriousA11yViolations(page) });
  }
  await context.close();
  return report;
}
