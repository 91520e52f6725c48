import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The PDFs' fonts: DejaVu Sans (the npm package dejavu-fonts-ttf), which has Cyrillic, the accents of French
 * and every Latin letter of our regions, read from node_modules (the server runs from dist/ with the
 * project's node_modules; nothing downloads). pdfkit's own fonts (Helvetica) have no Cyrillic.
 */
const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | undefined;

const load = () =>
  (fonts ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  });

export const FONT = 'DejaVu';
export const FONT_BOLD = 'DejaVu-Bold';

export interface PdfOptions {
  /** false writes the streams as they are (tests read them); the platform compresses. */
  compress?: boolean;
}

/**
 * A new document with the fonts registered, A4 unless told otherwise, and its bytes once ended. pdfkit is
 * loaded at the first document, not with the server: it alone took about a third of a second of each start.
 */
export async function newDocument(
  options: PdfOptions & {
    size?: string | [number, number];
    margin?: number;
    layout?: 'portrait' | 'landscape';
    title: string;
    language: string;
  },
): Promise<{ doc: PDFKit.PDFDocument; done: Promise<Buffer> }> {
  const { default: PDFDocument } = await import('pdfkit');
  const { regular, bold } = load();
  const doc = new PDFDocument({
    size: options.size ?? 'A4',
    margin: options.margin ?? 40,
    layout: options.layout ?? 'portrait',
    compress: options.compress ?? true,
    lang: options.language,
    info: { Title: options.title, Producer: 'Clusterbridge', Creator: 'Clusterbridge' },
    autoFirstPage: true,
  });
  doc.registerFont(FONT, regular);
  doc.registerFont(FONT_BOLD, bold);
  doc.font(FONT);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}
