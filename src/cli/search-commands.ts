import type { Command } from 'commander';
import type { Config } from '../config/config.js';
import { rebuildDocuments } from '../services/search/rebuild-documents.js';
import { isLanguage, type Language } from '../shared/languages.js';
import { resolveText, type MultilingualText } from '../shared/multilingual.js';
import { progressBar } from './progress.js';
import { withPlatform } from './with-platform.js';

const languageOf = (value: string | undefined): Language => (value && isLanguage(value) ? value : 'en');
const shown = (text: MultilingualText | null, lang: Language) => resolveText(text, lang)?.text ?? '';

/** search, partners and reindex: the directory, matchmaking and the search index from a terminal. */
export function registerSearchCommands(program: Command, config: () => Config): void {
  program
    .command('search <words...>')
    .description('search the directory in any language; prints each match and why it matched')
    .option('--lang <lang>', 'language of the labels: ru, fr or en', 'en')
    .action(async (words: string[], options: { lang?: string }) => {
      const lang = languageOf(options.lang);
      await withPlatform(config(), async ({ services }) => {
        const result = await services.directory.search({ q: words.join(' '), page: 1, pageSize: 20 });
        console.log(`${result.meta.total} found`);
        for (const o of result.items) {
          const reasons = (o.match?.reasons ?? []).map((r) => `${shown(r.concept.label, lang)} «${r.found[0]?.term ?? ''}»`);
          console.log(`${o.slug}\t${o.regionCode}\t${shown(o.name, lang)}${reasons.length ? `\t— ${reasons.join(', ')}` : ''}`);
        }
      });
    });

  program
    .command('partners <slug>')
    .description('suggested partners for an organisation, with the points of each signal (docs/matching.md)')
    .option('--lang <lang>', 'language of the labels: ru, fr or en', 'en')
    .option('--limit <n>', 'how many', '20')
    .action(async (slug: string, options: { lang?: string; limit: string }) => {
      const lang = languageOf(options.lang);
      await withPlatform(config(), async ({ services }) => {
        const result = await services.matches.suggest(slug, { limit: Number(options.limit) }, null);
        for (const s of result.items) {
          const e = s.explanation;
          const why = [
            e.areas.length ? `areas ${e.areas.map((a) => shown(a.name, lang)).join(' · ')}` : '',
            e.nace.length ? `NACE ${e.nace.map((n) => n.code).join(', ')}` : '',
            e.concepts.length ? `concepts ${e.concepts.map((c) => shown(c.label, lang)).join(', ')}` : '',
            e.complementarity ? `complementary ${e.complementarity.kinds.join(' + ')}` : '',
            e.regionPair ? `region pair ${shown(e.regionPair.name, lang)}` : '',
          ].filter(Boolean);
          console.log(`${s.score.toFixed(2)}\t${s.organisation.slug}\t${s.organisation.regionCode}\t${why.join('; ')}`);
        }
      });
    });

  program
    .command('reindex')
    .description('rewrite every organisation’s search document, name keys and concept tags')
    .action(async () => {
      await withPlatform(config(), async ({ services }) => {
        const total = await services.repos.organisations.count();
        const bar = progressBar('reindex');
        const done = await rebuildDocuments(services.repos, (n) => bar.update(n, total));
        console.log(`${done} organisations re-indexed.`);
      });
    });
}
