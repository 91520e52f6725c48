// Takes the README's screenshots of a running platform: npx tsx scripts/screenshots.ts http://127.0.0.1:3000
import { mkdirSync } from 'node:fs';
import { launchBrowser, newContext, PHONE } from '../e2e/browser.js';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const shots: { file: string; path: string; locale: string; phone?: boolean }[] = [
  { file: 'home-en.png', path: '/', locale: 'en-GB' },
  { file: 'directory-ru.png', path: '/organisations?q=%D0%BE%D0%B1%D0%BD%D0%B8%D0%BD%D1%81%D0%BA', locale: 'ru-RU' },
  { file: 'organisation-fr.png', path: '/organisations/airko', locale: 'fr-FR' },
  { file: 'directory-phone-en.png', path: '/organisations', locale: 'en-GB', phone: true },
  { file: 'search-cross-lingual-ru.png', path: `/organisations?q=${encodeURIComponent('фильтрующие материалы')}`, locale: 'ru-RU' },
  { file: 'search-cross-lingual-en.png', path: `/organisations?q=${encodeURIComponent('фильтрующие материалы')}`, locale: 'en-GB' },
  { file: 'partners-en.png', path: '/organisations/example-tehkeram', locale: 'en-GB' },
  { file: 'glossary-fr.png', path: '/glossary?q=filtr', locale: 'fr-FR' },
];

mkdirSync('docs/screenshots', { recursive: true });
const browser = await launchBrowser();
for (const shot of shots) {
  const context = await newContext(browser, { locale: shot.locale, viewport: shot.phone ? PHONE : { width: 1280, height: 860 } });
  const page = await context.newPage();
  await page.goto(base + shot.path);
  await page.locator('h1').waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `docs/screenshots/${shot.file}`, fullPage: !shot.phone });
  await context.close();
  console.log(`docs/screenshots/${shot.file}`);
}
await browser.close();
