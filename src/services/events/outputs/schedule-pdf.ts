import type { GridMeetingRow } from '../../../repositories/events/agenda.repository.js';
import type { Language } from '../../../shared/languages.js';
import { organisationOf } from './agenda-content.js';
import { OUTPUT_LABELS } from './labels.js';
import { FONT, FONT_BOLD, newDocument, type PdfOptions } from './pdf-fonts.js';
import { dayIn, timeIn } from './times.js';

const TABLES_PER_PAGE = 6;
const TIME_COLUMN = 70;
const ROW = 34;

/**
 * The organisers' printable grid: slots down, tables across (six tables a page, more pages across), each
 * cell the two people of the meeting there. Landscape A4, times in the event's zone, named at the top.
 */
export async function schedulePdf(
  input: {
    title: string;
    timeZone: string;
    preliminary: boolean;
    slots: { id: string; startsAt: Date; endsAt: Date; tableCount: number }[];
    meetings: GridMeetingRow[];
  },
  language: Language,
  options: PdfOptions = {},
): Promise<Buffer> {
  const labels = OUTPUT_LABELS[language];
  const { doc, done } = await newDocument({
    ...options,
    layout: 'landscape',
    margin: 30,
    title: `${input.title} — ${labels.schedule}`,
    language,
  });
  const byCell = new Map(input.meetings.map((m) => [`${m.slotId}:${m.tableNumber}`, m]));
  const tables = Math.max(1, ...input.slots.map((s) => s.tableCount));
  const left = doc.page.margins.left;
  const top = doc.page.margins.top;
  const bottom = doc.page.height - doc.page.margins.bottom;
  const width = doc.page.width - left - doc.page.margins.right;
  const person = (p: GridMeetingRow['a']) => {
    const organisation = organisationOf(p, language);
    return organisation ? `${p.name} (${organisation})` : p.name;
  };
  let first = true;
  for (let from = 1; from <= tables; from += TABLES_PER_PAGE) {
    const to = Math.min(tables, from + TABLES_PER_PAGE - 1);
    const colW = (width - TIME_COLUMN) / (to - from + 1);
    let y = 0;
    const header = () => {
      if (!first) doc.addPage();
      first = false;
      doc.font(FONT_BOLD).fontSize(13).fillColor('black').text(`${input.title} — ${labels.schedule}`, left, top, { width });
      const note = `${input.timeZone}${input.preliminary ? ` · ${labels.preliminary}` : ''}`;
      doc
        .font(FONT)
        .fontSize(8)
        .fillColor('#555')
        .text(note, left, top + 18, { width });
      y = top + 34;
      doc.font(FONT_BOLD).fontSize(8).fillColor('black').text(labels.slot, left, y, { width: TIME_COLUMN });
      for (let table = from; table <= to; table++)
        doc.text(labels.table(table), left + TIME_COLUMN + (table - from) * colW, y, { width: colW - 4 });
      y += 14;
    };
    header();
    let day = '';
    for (const slot of input.slots) {
      const slotDay = dayIn(slot.startsAt, input.timeZone, language);
      if (y + ROW + (slotDay !== day ? 14 : 0) > bottom) {
        header();
        day = '';
      }
      if (slotDay !== day) {
        day = slotDay;
        doc.font(FONT_BOLD).fontSize(8).fillColor('#1c4e80').text(slotDay, left, y, { width });
        y += 12;
      }
      doc
        .save()
        .lineWidth(0.3)
        .strokeColor('#cccccc')
        .moveTo(left, y)
        .lineTo(left + width, y)
        .stroke()
        .restore();
      doc
        .font(FONT)
        .fontSize(8)
        .fillColor('black')
        .text(`${timeIn(slot.startsAt, input.timeZone, language)}–${timeIn(slot.endsAt, input.timeZone, language)}`, left, y + 3, {
          width: TIME_COLUMN,
        });
      for (let table = from; table <= to; table++) {
        const x = left + TIME_COLUMN + (table - from) * colW;
        if (table > slot.tableCount) {
          doc.fillColor('#bbbbbb').text('—', x, y + 3, { width: colW - 4 });
          continue;
        }
        const m = byCell.get(`${slot.id}:${table}`);
        if (m)
          doc
            .fillColor('black')
            .fontSize(7)
            .text(`${person(m.a)}\n${person(m.b)}`, x, y + 3, { width: colW - 4, height: ROW - 4, ellipsis: true });
        doc.fontSize(8);
      }
      y += ROW;
    }
    if (input.slots.length === 0) doc.font(FONT).fontSize(10).text(labels.noSlots, left, y);
  }
  doc.end();
  return done;
}
