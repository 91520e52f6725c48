import { createTestPlatform } from '../src/test/test-platform.js';
const t = await createTestPlatform({ seedDemo: true });
const r = t.services.repos;
console.log(JSON.stringify(await r.glossary.analyseQuery(process.argv.slice(2))));
const res = await t.services.directory.search({ q: process.argv.slice(2).join(' '), page: 1, pageSize: 10 });
for (const i of res.items) console.log(i.slug, JSON.stringify(i.match));
await t.close();
