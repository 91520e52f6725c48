import type { Command } from 'commander';
import type { Config } from '../config/config.js';
import { rebuildDocuments } from '../services/search/rebuild-documents.js';
import { isLanguage, type Language } from '../shared/languages.js';
import { progressBar } from './progress.js';
import { partnersCommand, searchCommand } from './read-commands.js';
import { runReadCommand, terminalOutput } from './run-read-command.js';
import { withPlatform } from './with-platform.js';

const languageOf = (value: string | undefined): Language => (value && isLanguage(value) ? value : 'en');

/** search, partners and reindex: the directory, matchmaking and the search index from a terminal. */
export function registerSearchCommands(program: Command, config: () => Config): void {
  program
    .command('search <words...>')
    .description('search the directory in any language; prints each match and why it matched (also while the server runs)')
    .option('--lang <lang>', 'language of the labels: ru, fr or en', 'en')
    .action(async (words: string[], options: { lang?: string }) => {
      await runReadCommand(config(), searchCommand, { q: words.join(' '), lang: languageOf(options.lang) }, terminalOutput(process.stdout));
    });

  program
    .command('partners <slug>')
    .description('suggested partners for an organisation, with the points of each signal (docs/matching.md; also while the server runs)')
    .option('--lang <lang>', 'language of the labels: ru, fr or en', 'en')
    .option('--limit <n>', 'how many', '20')
    .action(async (slug: string, options: { lang?: string; limit: string }) => {
      const limit = Number(options.limit);
      await runReadCommand(config(), partnersCommand, { slug, lang: languageOf(options.lang), limit }, terminalOutput(process.stdout));
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
