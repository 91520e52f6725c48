// Takes the README's screenshots of a running platform with its demo data (and example organisations):
//   npx tsx scripts/screenshots.ts http://127.0.0.1:3000
// Signed-in shots sign in a demo account through the API; the message shot writes one letter first.
import { mkdirSync } from 'node:fs';
import { launchBrowser, newContext, PHONE } from '../e2e/browser.js';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const PASSWORD = 'Demo-Clusterbridge-2026';
interface Shot {
  file: string;
  path: string | (() => Promise<string>);
  locale: string;
  phone?: boolean;
  email?: string;
  /** What to do on the page before the picture. */
  act?: (page: import('playwright-core').Page) => Promise<void>;
}

/** A letter from ARDL to IATE, so that the Messages pages have something to show. */
async function aThread(): Promise<string> {
  const context = await newContext(browser, { locale: 'fr-FR' });
  await context.request.post(`${base}/api/v1/auth/sign-in`, {
    data: { email: 'coordinator.limousin@demo.clusterbridge.test', password: PASSWORD },
  });
  const session = await (await context.request.get(`${base}/api/v1/auth/session`)).json();
  const sent = await context.request.post(`${base}/api/v1/organisations/iate-mephi/contact`, {
    headers: { 'x-csrf-token': session.csrfToken ?? '' },
    data: {
      title: 'Filtres céramiques : essais communs',
      text: 'Bonjour,\n\nNous cherchons un laboratoire pour des essais de filtres céramiques. Seriez-vous intéressés ?',
      language: 'fr',
    },
  });
  const thread = await sent.json();
  await context.close();
  if (!thread.id) throw new Error(`the letter was not sent: ${JSON.stringify(thread)}`);
  return `/messages/${thread.id}`;
}

const shots: Shot[] = [
  { file: 'home-en.png', path: '/', locale: 'en-GB' },
  { file: 'directory-ru.png', path: '/organisations', locale: 'ru-RU' },
  { file: 'organisation-fr.png', path: '/organisations/airko', locale: 'fr-FR', email: 'coordinator.limousin@demo.clusterbridge.test' },
  { file: 'directory-phone-en.png', path: '/organisations', locale: 'en-GB', phone: true },
  { file: 'search-cross-lingual-ru.png', path: `/organisations?q=${encodeURIComponent('фильтрующие материалы')}`, locale: 'ru-RU' },
  { file: 'search-cross-lingual-en.png', path: `/organisations?q=${encodeURIComponent('фильтрующие материалы')}`, locale: 'en-GB' },
  { file: 'partners-en.png', path: '/organisations/example-tehkeram', locale: 'en-GB' },
  { file: 'glossary-fr.png', path: '/glossary?q=filtr', locale: 'fr-FR' },
  { file: 'profile-editor-ru.png', path: '/my/organisations/iate-mephi', locale: 'ru-RU', email: 'iate.admin@demo.clusterbridge.test' },
  { file: 'thread-ru.png', path: aThread, locale: 'ru-RU', email: 'iate.admin@demo.clusterbridge.test' },
  { file: 'validation-ru.png', path: '/validation', locale: 'ru-RU', email: 'coordinator.kaluga@demo.clusterbridge.test' },
  {
    file: 'menu-phone-fr.png',
    path: '/',
    locale: 'fr-FR',
    phone: true,
    email: 'coordinator.limousin@demo.clusterbridge.test',
    act: async (page) => {
      await page.getByRole('button', { name: /menu/i }).first().click();
      await page.waitForTimeout(300);
    },
  },
];

mkdirSync('docs/screenshots', { recursive: true });
const browser = await launchBrowser();
for (const shot of shots) {
  const context = await newContext(browser, { locale: shot.locale, viewport: shot.phone ? PHONE : { width: 1280, height: 860 } });
  if (shot.email) {
    const signIn = await context.request.post(`${base}/api/v1/auth/sign-in`, { data: { email: shot.email, password: PASSWORD } });
    if (signIn.status() !== 200) throw new Error(`sign-in of ${shot.email} failed: ${signIn.status()}`);
  }
  const page = await context.newPage();
  await page.goto(base + (typeof shot.path === 'string' ? shot.path : await shot.path()));
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await shot.act?.(page);
  await page.screenshot({ path: `docs/screenshots/${shot.file}`, fullPage: !shot.phone });
  await context.close();
  console.log(`docs/screenshots/${shot.file}`);
}
await browser.close();
