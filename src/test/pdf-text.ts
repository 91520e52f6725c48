import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF as pdfkit writes it, for tests: its embedded fonts show glyph ids, not letters, so the
 * text is read back through each font's ToUnicode map (what a PDF reader's copy and search use). Enough
 * for pdfkit's output (no object streams, Flate-compressed or plain streams, TJ/Tj with hex strings); not
 * a general PDF parser. Lines (one per TJ/Tj) joined with "\n".
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const objects = new Map<string, { dict: string; stream: string | null }>();
  for (const m of source.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const at = body.search(/stream\r?\n/);
    if (at < 0) {
      objects.set(m[1]!, { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, at);
    const start = at + body.slice(at).indexOf('\n') + 1;
    const end = body.lastIndexOf('endstream');
    let bytes = Buffer.from(body.slice(start, end).replace(/\r?\n$/, ''), 'latin1');
    if (/\/FlateDecode/.test(dict)) {
      try {
        bytes = inflateSync(bytes);
      } catch {
        continue;
      }
    }
    objects.set(m[1]!, { dict, stream: bytes.toString('latin1') });
  }
  const cmapOf = (id: string): Map<string, string> => {
    const map = new Map<string, string>();
    const text = objects.get(id)?.stream ?? '';
    // a target may be several code units (<0066 0066>: the ligature ﬀ as "ff")
    const hex = (h: string) => Buffer.from(h.replace(/\s+/g, ''), 'hex').swap16().toString('utf16le');
    for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
      for (const p of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F ]+)>/g)) map.set(p[1]!.toLowerCase(), hex(p[2]!));
    for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
      for (const r of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
        const lo = parseInt(r[1]!, 16);
        const width = r[1]!.length;
        const targets = r[3]!.startsWith('[') ? [...r[3]!.matchAll(/<([0-9a-fA-F ]+)>/g)].map((x) => x[1]!) : null;
        for (let code = lo; code <= parseInt(r[2]!, 16); code++) {
          const key = code.toString(16).padStart(width, '0');
          if (targets) {
            if (targets[code - lo]) map.set(key, hex(targets[code - lo]!));
          } else {
            const first = parseInt(r[3]!.slice(1, -1), 16) + (code - lo);
            map.set(key, String.fromCodePoint(first));
          }
        }
      }
    return map;
  };
  // font resource names (F1, F2…) → their ToUnicode maps
  const fonts = new Map<string, Map<string, string>>();
  for (const { dict } of objects.values())
    for (const ref of dict.matchAll(/\/(F\d+)\s+(\d+) 0 R/g)) {
      const unicode = /\/ToUnicode\s+(\d+) 0 R/.exec(objects.get(ref[2]!)?.dict ?? '');
      if (unicode && !fonts.has(ref[1]!)) fonts.set(ref[1]!, cmapOf(unicode[1]!));
    }
  const lines: string[] = [];
  for (const { stream } of objects.values()) {
    if (!stream || !/\bTf\b/.test(stream)) continue;
    let font = new Map<string, string>();
    for (const op of stream.matchAll(/\/(F\d+)\s+[\d.]+\s+Tf|(\[(?:[^\]]*)\])\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      if (op[1]) {
        font = fonts.get(op[1]) ?? new Map();
        continue;
      }
      const hexes = op[2] ? [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]!) : [op[3]!];
      let line = '';
      for (const h of hexes) for (let i = 0; i + 4 <= h.length; i += 4) line += font.get(h.slice(i, i + 4).toLowerCase()) ?? '';
      lines.push(line);
    }
  }
  return lines.join('\n');
}
