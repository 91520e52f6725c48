import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** Files as users attach them, for tests: real signatures, invented content. */

/** A PDF of about `bytes` bytes (its body random, so that no chunk repeats another). */
export const pdf = (bytes = 1000) =>
  Buffer.concat([Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\n'), randomBytes(Math.max(0, bytes - 60)), Buffer.from('\n%%EOF\n')]);

/** A Windows executable: the MZ header, the PE signature. */
export const exe = () => {
  const file = Buffer.alloc(1024);
  file.write('MZ', 0, 'latin1');
  file.writeUInt32LE(0x80, 0x3c);
  file.write('PE\0\0', 0x80, 'latin1');
  return file;
};

/** A PNG's signature and IHDR chunk. */
export const png = () =>
  Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'), Buffer.alloc(64)]);

/** The zips in fixtures/: .docx, .xlsx, .pptx, .odt, .ods and a plain .zip. */
export const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;

/**
 * An OLE compound file (MS-CFB, version 3, 512-byte sectors) whose root holds streams of these names: with
 * "WordDocument" an old Word file, with "Workbook" an old Excel file, with others (an installer's) neither.
 * `padding` sectors before the directory put it past the first chunk of a large file.
 */
export function compoundFile(streams: string[], padding = 0): Buffer {
  const sector = 512;
  const directorySectors = Math.ceil((streams.length + 1) / 4);
  const header = Buffer.alloc(sector);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18); // minor version
  header.writeUInt16LE(3, 0x1a); // major version 3
  header.writeUInt16LE(0xfffe, 0x1c); // little-endian
  header.writeUInt16LE(9, 0x1e); // 2^9 = 512-byte sectors
  header.writeUInt16LE(6, 0x20); // 64-byte mini sectors
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  header.writeUInt32LE(1 + padding, 0x30); // first directory sector
  header.writeUInt32LE(4096, 0x38); // mini stream cutoff
  header.writeUInt32LE(END_OF_CHAIN, 0x3c); // no mini FAT
  header.writeUInt32LE(END_OF_CHAIN, 0x44); // no DIFAT sectors
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 0x4c + i * 4);
  const fat = Buffer.alloc(sector, 0xff);
  fat.writeUInt32LE(FAT_SECTOR, 0);
  // the directory's chain; with padding the file needs more FAT than one sector, which no reader here follows
  for (let i = 0; i < directorySectors && (1 + padding + i) * 4 < sector; i++)
    fat.writeUInt32LE(i === directorySectors - 1 ? END_OF_CHAIN : 2 + padding + i, (1 + padding + i) * 4);
  const entry = (name: string, type: number) => {
    const e = Buffer.alloc(128);
    e.write(name, 0, 'utf16le');
    e.writeUInt16LE((name.length + 1) * 2, 0x40);
    e[0x42] = type;
    e.writeUInt32LE(FREE, 0x44);
    e.writeUInt32LE(FREE, 0x48);
    e.writeUInt32LE(FREE, 0x4c);
    return e;
  };
  const directory = Buffer.alloc(directorySectors * sector);
  [entry('Root Entry', 5), ...streams.map((s) => entry(s, 2))].forEach((e, i) => e.copy(directory, i * 128));
  return Buffer.concat([header, fat, randomBytes(padding * sector), directory]);
}
