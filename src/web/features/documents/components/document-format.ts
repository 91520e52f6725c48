import type { Language } from '../../../../shared/languages';

/** A size as its reader writes it: «2,4 Мбайт», « 2,4 Mo », "2.4 MB". */
export function formatBytes(bytes: number, lang: Language): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value);
}

/** The kind of a document as readers name it (documents.types.* in the locale files). */
export function typeKey(mediaType: string): string {
  if (mediaType === 'application/pdf') return 'pdf';
  if (mediaType.startsWith('image/')) return 'image';
  if (mediaType === 'application/msword' || mediaType.includes('wordprocessingml')) return 'word';
  if (mediaType === 'application/vnd.ms-excel' || mediaType.includes('spreadsheetml')) return 'excel';
  if (mediaType.includes('presentationml')) return 'powerpoint';
  if (mediaType === 'application/vnd.oasis.opendocument.text') return 'text';
  if (mediaType === 'application/vnd.oasis.opendocument.spreadsheet') return 'spreadsheet';
  return 'other';
}
