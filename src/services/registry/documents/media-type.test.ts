import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { spool } from '../../../repositories/registry/document-spool.js';
import { detectMediaType } from './media-type.js';
import { compoundFile, exe, fixture, pdf, png } from './test-files.js';

/** The type as an upload reads it: spooled in 256 KiB chunks, then read by content. */
async function typeOf(bytes: Buffer) {
  const file = await spool(Readable.from([bytes]), 100 * 1024 * 1024);
  try {
    return await detectMediaType(file.path, file.chunks);
  } finally {
    await file.discard();
  }
}

describe('a document’s type, read from its content', () => {
  it('recognises PDF, images and every office format attached to agreements', async () => {
    expect(await typeOf(pdf())).toBe('application/pdf');
    expect(await typeOf(png())).toBe('image/png');
    expect(await typeOf(fixture('agreement.docx'))).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(await typeOf(fixture('budget.xlsx'))).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(await typeOf(fixture('slides.pptx'))).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    expect(await typeOf(fixture('minutes.odt'))).toBe('application/vnd.oasis.opendocument.text');
    expect(await typeOf(fixture('figures.ods'))).toBe('application/vnd.oasis.opendocument.spreadsheet');
  });

  it('tells old Word and Excel files from other OLE files, wherever their directory lies', async () => {
    expect(await typeOf(compoundFile(['1Table', 'WordDocument', 'SummaryInformation']))).toBe('application/msword');
    expect(await typeOf(compoundFile(['Workbook', 'SummaryInformation']))).toBe('application/vnd.ms-excel');
    // the directory 1 MiB in: past the first chunk, still found
    expect(await typeOf(compoundFile(['SummaryInformation', 'WordDocument'], 2048))).toBe('application/msword');
    // an installer is an OLE file too, with no Word or Excel stream
    expect(await typeOf(compoundFile(['\u4840\u3f3f\u4577', 'SummaryInformation']))).toBeNull();
  });

  it('refuses executables, plain zips and text', async () => {
    expect(await typeOf(exe())).toBeNull();
    expect(await typeOf(fixture('archive.zip'))).toBeNull();
    expect(await typeOf(Buffer.from('just some text, not a document\n'))).toBeNull();
  });
});
