import type { Language } from '../../../shared/languages.js';
import { OUTPUT_LABELS } from './labels.js';
import { FONT, FONT_BOLD, newDocument, type PdfOptions } from './pdf-fonts.js';

/** What one badge shows. */
export interface Badge {
  name: string;
  organisation: string | null;
  participationType: string;
  checkInUrl: string;
}

/** The check-in address a badge's QR code carries: the web page that checks the badge in when an organiser opens it. */
export const checkInUrl = (publicUrl: string, slug: string, badgeToken: string) =>
  `${publicUrl}/events/${slug}/check-in?badge=${encodeURIComponent(badgeToken)}`;

/** The QR code of an address, as a PNG (error correction M: a creased badge still scans). */
// qrcode loads at the first badge sheet, not with the server (a start's time)
export const qrPng = async (url: string) => (await import('qrcode')).default.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 360 });

const PER_ROW = 2;
const PER_PAGE = 4;

/**
 * Badges four to an A4 page (each A6, 2 × 2, with cut marks): what an office printer prints and a
 * badge holder takes. The name large, the organisation, the participation type, the event's title and
 * dates, and the QR code of the check-in address.
 */
export async function badgesPdf(
  badges: Badge[],
  event: { title: string; dates: string },
  language: Language,
  options: PdfOptions = {},
): Promise<Buffer> {
  const labels = OUTPUT_LABELS[language];
  const { doc, done } = await newDocument({ ...options, margin: 0, title: `${event.title} — badges`, language });
  const cellW = doc.page.width / PER_ROW;
  const cellH = doc.page.height / (PER_PAGE / PER_ROW);
  const pad = 22;
  const codes = await Promise.all(badges.map((b) => qrPng(b.checkInUrl)));
  badges.forEach((badge, i) => {
    if (i > 0 && i % PER_PAGE === 0) doc.addPage();
    const slot = i % PER_PAGE;
    const x = (slot % PER_ROW) * cellW;
    const y = Math.floor(slot / PER_ROW) * cellH;
    // cut marks: the cell's edges, light
    doc.save().lineWidth(0.3).strokeColor('#bbbbbb').rect(x, y, cellW, cellH).stroke().restore();
    const w = cellW - 2 * pad;
    doc
      .font(FONT)
      .fontSize(9)
      .fillColor('#555')
      .text(event.title, x + pad, y + pad, { width: w, height: 24, ellipsis: true });
    doc.text(event.dates, x + pad, y + pad + 24, { width: w, height: 12, ellipsis: true });
    doc
      .font(FONT_BOLD)
      .fontSize(22)
      .fillColor('black')
      .text(badge.name, x + pad, y + 80, { width: w, height: 58, ellipsis: true });
    doc
      .font(FONT)
      .fontSize(12)
      .text(badge.organisation ?? '', x + pad, y + 142, { width: w, height: 32, ellipsis: true });
    doc
      .font(FONT_BOLD)
      .fontSize(11)
      .fillColor('#1c4e80')
      .text(badge.participationType, x + pad, y + 178, { width: w, height: 16, ellipsis: true });
    const qr = 150;
    doc.image(codes[i]!, x + (cellW - qr) / 2, y + cellH - qr - pad - 12, { width: qr, height: qr });
    doc
      .font(FONT)
      .fontSize(7)
      .fillColor('#777')
      .text(labels.badgeScan, x + pad, y + cellH - pad - 8, { width: w, align: 'center' });
  });
  if (badges.length === 0) doc.font(FONT).fontSize(12).text(event.title, 40, 40);
  doc.end();
  return done;
}
