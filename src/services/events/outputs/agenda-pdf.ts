import type { Language } from '../../../shared/languages.js';
import type { AgendaContent } from './agenda-content.js';
import { OUTPUT_LABELS } from './labels.js';
import { FONT, FONT_BOLD, newDocument, type PdfOptions } from './pdf-fonts.js';
import { dayIn, dayKeyIn, spanIn } from './times.js';

/** A participant's printable agenda: the event, who they are, then each day's sessions and meetings with their times and tables. */
export async function agendaPdf(content: AgendaContent, language: Language, options: PdfOptions = {}): Promise<Buffer> {
  const labels = OUTPUT_LABELS[language];
  const { event, registration, items } = content;
  const zone = event.timeZone;
  const { doc, done } = await newDocument({ ...options, title: `${content.eventTitle} — ${labels.agenda}`, language });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  doc.font(FONT_BOLD).fontSize(18).text(content.eventTitle, { width });
  if (event.venueLabel) doc.font(FONT).fontSize(10).fillColor('#444').text(event.venueLabel, { width });
  doc.moveDown(0.5);
  doc.font(FONT_BOLD).fontSize(13).fillColor('black').text(`${labels.agenda}: ${registration.name}`, { width });
  if (registration.organisationName) doc.font(FONT).fontSize(10).text(registration.organisationName, { width });
  doc.moveDown();

  if (items.length === 0) doc.font(FONT).fontSize(11).text(labels.noItems, { width });
  let day = '';
  for (const item of items) {
    const key = dayKeyIn(item.startsAt, zone);
    if (key !== day) {
      day = key;
      doc
        .moveDown(0.5)
        .font(FONT_BOLD)
        .fontSize(12)
        .fillColor('black')
        .text(dayIn(item.startsAt, zone, language), { width });
      doc.moveDown(0.2);
    }
    const cancelled = item.status === 'cancelled';
    const where = item.tableNumber ? labels.table(item.tableNumber) : item.room ? `${labels.room}: ${item.room}` : '';
    doc
      .font(FONT_BOLD)
      .fontSize(10)
      .fillColor(cancelled ? '#888' : 'black');
    doc.text(spanIn(item.startsAt, item.endsAt, zone, language), { width, continued: false });
    doc
      .font(FONT)
      .fontSize(11)
      .text(`${item.title}${cancelled ? ` — ${labels.cancelled}` : ''}`, { width, indent: 12 });
    if (where) doc.fontSize(10).fillColor('#444').text(where, { width, indent: 12 });
    doc.fillColor('black').moveDown(0.4);
  }
  doc.end();
  return done;
}
