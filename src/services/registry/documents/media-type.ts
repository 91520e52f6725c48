import { DOCUMENT_MEDIA_TYPES, type DocumentMediaType } from '../../../shared/registry.js';

/**
 * What a file is, read from its bytes (file-type's signatures), never from its name: a renamed executable
 * stays an executable. file-type reads OOXML and OpenDocument zips far enough to tell a .docx from an
 * .xlsx or a plain zip (it seeks in the file, so the order of the zip's entries does not matter), but
 * names every old Office file (OLE compound file) `application/x-cfb`, like an .msi installer: those are
 * told apart by the streams their directory names (oleKind).
 */
export async function detectMediaType(path: string, chunks: () => AsyncIterable<Buffer>): Promise<DocumentMediaType | null> {
  // file-type loads at the first upload, not with the server (a quarter of a second of each start)
  const { fileTypeFromFile } = await import('file-type');
  const found = await fileTypeFromFile(path);
  if (!found) return null;
  const mime = found.mime === 'application/x-cfb' ? await oleKind(chunks()) : found.mime;
  return (DOCUMENT_MEDIA_TYPES as readonly string[]).includes(mime ?? '') ? (mime as DocumentMediaType) : null;
}

/** The streams whose presence makes an OLE compound file a Word or an Excel document. */
const OLE_STREAMS: [string, DocumentMediaType][] = [
  ['WordDocument', 'application/msword'],
  ['Workbook', 'application/vnd.ms-excel'], // BIFF8, Excel 97 and later
  ['Book', 'application/vnd.ms-excel'], // BIFF5, Excel 5 and 95
];

const ENTRY_BYTES = 128;
const STREAM = 2;

/** A directory entry (MS-CFB 2.6): its name in UTF-16 with a terminating NUL, its length in bytes, its type. */
function entryName(entry: Buffer): string | null {
  const length = entry.readUInt16LE(0x40);
  if (entry[0x42] !== STREAM || length < 2 || length > 64 || length % 2 !== 0) return null;
  return entry.toString('utf16le', 0, length - 2);
}

/**
 * Looks for a Word or Excel stream among the file's directory entries. Directory sectors start on sector
 * boundaries (512 or 4096 bytes, after the 512-byte header), so every entry starts at a multiple of 128 in
 * the file: each such slot is read as an entry, the whole file one chunk at a time.
 */
async function oleKind(chunks: AsyncIterable<Buffer>): Promise<DocumentMediaType | null> {
  let carry = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const whole = bytes.length - (bytes.length % ENTRY_BYTES);
    for (let at = 0; at < whole; at += ENTRY_BYTES) {
      const name = entryName(bytes.subarray(at, at + ENTRY_BYTES));
      const kind = name && OLE_STREAMS.find(([stream]) => stream === name)?.[1];
      if (kind) return kind;
    }
    carry = Buffer.from(bytes.subarray(whole));
  }
  return null;
}
