import { describe, expect, it } from 'vitest';
import { MESSAGES } from './mail-messages.js';

// what every variable of a message is replaced with: a word, so the template's own spacing shows
const vars = new Proxy({} as Record<string, string>, {
  get: (_, name) => (name === 'link' || String(name).endsWith('Link') ? '/x' : 'Mot'),
});

describe('the e-mails in French', () => {
  it.each(Object.keys(MESSAGES))('%s has a no-break space before : ; ! ? and inside « »', (name) => {
    const { subject, text } = MESSAGES[name]!.fr(vars);
    for (const part of [subject, text]) {
      expect(part).not.toMatch(/ [:;!?](\s|$)/);
      expect(part).not.toMatch(/« | »/);
    }
  });
});
