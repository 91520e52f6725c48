import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { count, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHUNK_BYTES } from '../../repositories/registry/document-spool.js';
import { auditEvents, cooperationRecords, documentChunks, documents, recordParties } from '../../db/schema/index.js';
import { compoundFile, exe, fixture, pdf } from '../../services/registry/documents/test-files.js';
import type { DocumentList, DocumentView } from '../../shared/schemas/documents.js';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { signedInUser, type TestUser } from '../../test/users.js';
import { buildApp } from '../app.js';

let t: TestPlatform;
let editor: TestUser; // an editor of ARDL, a party to both records
let member: TestUser; // a member of ARDL: reads the unpublished record, edits nothing
let outsider: TestUser; // no organisation
let coordinator: TestUser; // coordinates RU-KLU, the other party's region
let published: { id: string; slug: string };
let unpublished: { id: string; slug: string };

/** A record as the registry stores it, with ARDL (FR-87) and IATE (RU-KLU) as its parties. */
async function insertRecord(slug: string, isPublished: boolean) {
  const db = t.database.db;
  const parties = await Promise.all(['ardl', 'iate-mephi'].map((s) => t.services.repos.organisations.getBySlug(s)));
  const [row] = await db
    .insert(cooperationRecords)
    .values({
      slug,
      kind: 'agreement',
      types: ['cooperation_agreement'],
      title: { original: 'en', en: `Agreement ${slug}` },
      stage: 'signed',
      regionCodes: parties.map((p) => p!.regionCode),
      published: isPublished,
    })
    .returning({ id: cooperationRecords.id, slug: cooperationRecords.slug });
  await db
    .insert(recordParties)
    .values(parties.map((p, position) => ({ recordId: row!.id, position, organisationId: p!.id, role: 'signatory' as const })));
  return row!;
}

const headersOf = (user: TestUser | null) => (user ? { cookie: `cb_session=${user.cookie}`, 'x-csrf-token': user.csrf } : {});

function upload(user: TestUser | null, record: string, name: string, bytes: Buffer | Readable, app: FastifyInstance = t.app) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/records/${record}/documents?name=${encodeURIComponent(name)}`,
    headers: { ...headersOf(user), 'content-type': 'application/octet-stream' },
    payload: bytes,
  });
}

const get = (user: TestUser | null, url: string) => t.app.inject({ method: 'GET', url, headers: headersOf(user) });
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function storedRows() {
  const db = t.database.db;
  const [docs] = await db.select({ n: count() }).from(documents);
  const [chunks] = await db.select({ n: count() }).from(documentChunks);
  return { documents: docs!.n, chunks: chunks!.n };
}

beforeAll(async () => {
  t = await createTestPlatform();
  editor = await signedInUser(t, 'ardl.editor@example.org', [{ role: 'org_editor', organisationSlug: 'ardl' }]);
  member = await signedInUser(t, 'ardl.member@example.org', [{ role: 'member', organisationSlug: 'ardl' }]);
  outsider = await signedInUser(t, 'nobody@example.org');
  coordinator = await signedInUser(t, 'kaluga.coordinator@example.org', [{ role: 'regional_coordinator', regionCode: 'RU-KLU' }]);
  published = await insertRecord('ardl-iate-2004', true);
  unpublished = await insertRecord('ardl-iate-draft', false);
});
afterAll(() => t.close());

describe('documents of a registry record', () => {
  it('stores a PDF in chunks and downloads it byte for byte, as an attachment of the type read from its content', async () => {
    const file = pdf(600 * 1024); // several chunks, the last one shorter
    const sent = await upload(editor, published.slug, 'agreement-2004.pdf', file);
    expect(sent.statusCode, sent.body).toBe(201);
    const document = sent.json() as DocumentView;
    expect(document).toMatchObject({
      fileName: 'agreement-2004.pdf',
      mediaType: 'application/pdf',
      size: file.length,
      sha256: sha256(file),
    });
    expect(document.uploadedBy).toBe('ardl.editor');
    const [chunks] = await t.database.db.select({ n: count() }).from(documentChunks).where(eq(documentChunks.documentId, document.id));
    expect(chunks!.n).toBe(Math.ceil(file.length / CHUNK_BYTES));

    const list = (await get(null, `/api/v1/records/${published.slug}/documents`)).json() as DocumentList;
    expect(list.items.map((d) => d.id)).toContain(document.id);
    expect(list).toMatchObject({ canEdit: false, maxBytes: 20 * 1024 * 1024 });
    expect((await get(editor, `/api/v1/records/${published.id}/documents`)).json().canEdit).toBe(true);

    const download = await get(null, document.url);
    expect(download.statusCode).toBe(200);
    expect(sha256(download.rawPayload)).toBe(sha256(file));
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-length']).toBe(String(file.length));
    expect(download.headers['content-disposition']).toBe('attachment; filename="agreement-2004.pdf"');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
  });

  it('recognises office files by their content, whatever they are called', async () => {
    const docx = await upload(editor, published.slug, 'accord', fixture('agreement.docx'));
    expect(docx.json().mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xls = await upload(editor, published.slug, 'budget.xls', compoundFile(['Workbook']));
    expect(xls.json().mediaType).toBe('application/vnd.ms-excel');
    const odt = await upload(editor, published.slug, 'minutes.odt', fixture('minutes.odt'));
    expect(odt.json().mediaType).toBe('application/vnd.oasis.opendocument.text');
  });

  it('refuses a renamed executable with a 415 naming the file, and stores nothing', async () => {
    const before = await storedRows();
    const refused = await upload(editor, published.slug, 'contract.pdf', exe());
    expect(refused.statusCode).toBe(415);
    expect(refused.json().error).toMatchObject({ code: 'document_type_refused', reason: 'file_type', field: 'query.name' });
    expect(refused.json().error.message).toContain('contract.pdf');
    expect((await upload(editor, published.slug, 'archive.docx', fixture('archive.zip'))).statusCode).toBe(415);
    expect((await upload(editor, published.slug, 'empty.pdf', Buffer.alloc(0))).statusCode).toBe(415);
    expect(await storedRows()).toEqual(before);
  });

  it('refuses a file over the configured limit with a 413 giving the limit, announced or not, and stores nothing', async () => {
    const small = await buildApp({ services: t.services, database: t.engine, webRoot: null, documentMaxBytes: 1000 });
    try {
      const before = await storedRows();
      const announced = await upload(editor, published.slug, 'big.pdf', pdf(5000), small);
      expect(announced.statusCode).toBe(413);
      expect(announced.json().error).toMatchObject({
        code: 'document_too_large',
        reason: 'file_too_large',
        params: { limit: 1000 },
        field: 'body',
      });
      // a streamed body without Content-Length is counted as it arrives
      const streamed = await upload(editor, published.slug, 'big.pdf', Readable.from([pdf(800), pdf(800)]), small);
      expect(streamed.statusCode).toBe(413);
      expect(streamed.json().error.params).toEqual({ limit: 1000 });
      expect(await storedRows()).toEqual(before);
      expect((await upload(editor, published.slug, 'small.pdf', pdf(900), small)).statusCode).toBe(201);
    } finally {
      await small.close();
    }
  });

  it('leaves nothing behind when the client goes away mid-file', async () => {
    const server = await buildApp({ services: t.services, database: t.engine, webRoot: null });
    await server.listen({ port: 0, host: '127.0.0.1' });
    try {
      const before = await storedRows();
      const spools = () => readdirSync(tmpdir()).filter((name) => name.startsWith('cb-upload-')).length;
      const spooledBefore = spools();
      const port = (server.server.address() as AddressInfo).port;
      const path = `/api/v1/records/${published.slug}/documents?name=half.pdf`;
      const headers = { ...headersOf(editor), 'content-type': 'application/octet-stream', 'content-length': '1000000' };
      const sending = request({ host: '127.0.0.1', port, path, method: 'POST', headers });
      sending.on('error', () => {});
      sending.write(pdf(100_000));
      await new Promise((resolve) => setTimeout(resolve, 300));
      sending.destroy();
      await vi.waitFor(() => expect(spools()).toBe(spooledBefore), { timeout: 5000 });
      expect(await storedRows()).toEqual(before);
    } finally {
      await server.close();
    }
  });

  it('refuses a name that is a path, has control characters, is empty or too long, naming the field', async () => {
    const before = await storedRows();
    for (const name of ['reports/agreement.pdf', '..\\..\\agreement.pdf', 'agree\u0007ment.pdf', 'line\nbreak.pdf', '  ', '..']) {
      const refused = await upload(editor, published.slug, name, pdf());
      expect(refused.statusCode, name).toBe(400);
      expect(refused.json().error, name).toMatchObject({ code: 'validation_failed', reason: 'path_in_name', field: 'query.name' });
    }
    const long = await upload(editor, published.slug, `${'a'.repeat(252)}.pdf`, pdf());
    expect(long.json().error).toMatchObject({ code: 'validation_failed', field: 'query.name', reason: 'maxLength' });
    expect(await storedRows()).toEqual(before);
  });

  it('keeps a Unicode name as given and downloads it with an RFC 5987 filename*', async () => {
    const name = 'Соглашение 2004 «Обнинск–Лимож».pdf';
    const sent = await upload(editor, published.slug, name, pdf());
    expect(sent.json().fileName).toBe(name);
    const download = await get(null, sent.json().url);
    const disposition = download.headers['content-disposition'] as string;
    // a client that reads only filename= gets the name transliterated, not question marks
    expect(disposition).toMatch(/^attachment; filename="Soglashenie 2004 _Obninsk_Limozh_\.pdf"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toBe(name);
  });

  it('shows an unpublished record’s documents to its parties’ people only', async () => {
    const sent = await upload(editor, unpublished.slug, 'draft.pdf', pdf());
    expect(sent.statusCode, sent.body).toBe(201);
    const url = sent.json().url as string;
    expect((await get(null, url)).statusCode).toBe(404);
    expect((await get(outsider, url)).json().error).toMatchObject({ code: 'not_found', field: 'params.id' });
    expect((await get(null, `/api/v1/records/${unpublished.slug}/documents`)).statusCode).toBe(404);
    expect((await get(member, url)).statusCode).toBe(200);
    expect((await get(coordinator, url)).statusCode).toBe(200);
    // nor can a visitor upload to it, knowing its address
    expect((await upload(outsider, unpublished.slug, 'x.pdf', pdf())).statusCode).toBe(404);
  });

  it('lets the parties’ editors and their regions’ coordinators attach documents, no one else', async () => {
    const before = await storedRows();
    expect((await upload(null, published.slug, 'x.pdf', pdf())).json().error.code).toBe('not_signed_in');
    expect((await upload(outsider, published.slug, 'x.pdf', pdf())).json().error.code).toBe('forbidden');
    expect((await upload(member, published.slug, 'x.pdf', pdf())).statusCode).toBe(403);
    // a write with the session cookie but without the anti-forgery token is refused before the file is read
    const forged = await t.app.inject({
      method: 'POST',
      url: `/api/v1/records/${published.slug}/documents?name=x.pdf`,
      headers: { cookie: `cb_session=${editor.cookie}`, 'content-type': 'application/octet-stream' },
      payload: pdf(),
    });
    expect(forged.json().error.code).toBe('csrf_failed');
    const json = await editor.send('POST', `/api/v1/records/${published.slug}/documents?name=x.pdf`, { file: 'x' });
    expect(json.statusCode).toBe(415);
    expect((await upload(editor, 'no-such-record', 'x.pdf', pdf())).statusCode).toBe(404);
    expect(await storedRows()).toEqual(before);
    expect((await upload(coordinator, published.slug, 'from-kaluga.pdf', pdf())).statusCode).toBe(201);
  });

  it('deletes a document for editors only, with its chunks, and audits upload and delete', async () => {
    const sent = (await upload(editor, published.slug, 'to-delete.pdf', pdf(300 * 1024))).json() as DocumentView;
    expect((await member.send('DELETE', sent.url)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: sent.url })).statusCode).toBe(401);
    expect((await editor.send('DELETE', sent.url)).statusCode).toBe(204);
    expect((await get(editor, sent.url)).statusCode).toBe(404);
    expect((await editor.send('DELETE', sent.url)).statusCode).toBe(404);
    const [chunks] = await t.database.db.select({ n: count() }).from(documentChunks).where(eq(documentChunks.documentId, sent.id));
    expect(chunks!.n).toBe(0);
    const events = await t.database.db
      .select({ action: auditEvents.action, actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(inArray(auditEvents.entityId, [sent.id]));
    expect(events.map((e) => e.action).sort()).toEqual(['document.deleted', 'document.uploaded']);
    expect(events.every((e) => e.actorId === editor.id)).toBe(true);
  });
});
