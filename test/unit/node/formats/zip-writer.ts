/**
 * A minimal zip writer for tests: builds real .docx files (and zip bombs) in memory, so the
 * fixtures are generated from readable XML rather than committed as opaque binaries.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Uint8Array | string;
  /** Store (method 0) instead of deflate (method 8). */
  store?: boolean;
  /** Lie in both headers about the uncompressed size (for bomb tests). */
  declaredSize?: number;
  /** zlib level (default 6); 1 builds a large entry several times faster. */
  level?: number;
}

export function zip(entries: readonly ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data);
    const data = entry.store ? raw : deflateRawSync(raw, { level: entry.level ?? 6 });
    const name = Buffer.from(entry.name, 'utf8');
    const method = entry.store ? 0 : 8;
    const crc = crc32(raw);
    const size = entry.declaredSize ?? raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A .docx whose body is the given <w:p> elements (or any body XML). */
export function docx(bodyXml: string, extra: ZipEntry[] = [], level?: number): Uint8Array {
  return zip([
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        '</Relationships>',
    },
    {
      name: 'word/document.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${bodyXml}</w:body></w:document>`,
      ...(level === undefined ? {} : { level }),
    },
    ...extra,
  ]);
}

/** One Word paragraph; "\n" in the text becomes a <w:br/> line break. */
export function wordParagraph(text: string, style?: string): string {
  const runs = text
    .split('\n')
    .map((line) => `<w:t xml:space="preserve">${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t>`)
    .join('<w:br/>');
  const props = style ? `<w:pPr><w:pStyle w:val="${style}"/><w:bidi/></w:pPr>` : '<w:pPr><w:bidi/></w:pPr>';
  return `<w:p>${props}<w:r>${runs}</w:r></w:p>`;
}

/** A run holding a footnote or endnote reference (Word's <w:footnoteReference w:id="N"/>). */
export function noteReference(kind: 'footnote' | 'endnote', id: number): string {
  return `<w:r><w:rPr><w:rStyle w:val="${kind === 'footnote' ? 'FootnoteReference' : 'EndnoteReference'}"/></w:rPr><w:${kind}Reference w:id="${id}"/></w:r>`;
}

/**
 * A .docx with footnotes and endnotes: `body` may hold noteReference() runs; the notes are
 * `{id, paragraphs}` as Word writes them (word/footnotes.xml and word/endnotes.xml, with the
 * separator notes Word puts first, and the relationships that point at them).
 */
export function docxWithNotes(body: string, notes: { footnotes?: { id: number; paragraphs: string[] }[]; endnotes?: { id: number; paragraphs: string[] }[] }): Uint8Array {
  const part = (kind: 'footnote' | 'endnote', list: { id: number; paragraphs: string[] }[]) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${kind}s xmlns:w="${W}">` +
    `<w:${kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:${kind}>` +
    `<w:${kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:${kind}>` +
    list.map((n) => `<w:${kind} w:id="${n.id}">${n.paragraphs.map((p) => wordParagraph(p)).join('')}</w:${kind}>`).join('') +
    `</w:${kind}s>`;
  const rels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>' +
    '<Relationship Id="rIdE" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/>' +
    '</Relationships>';
  return docx(body, [
    { name: 'word/_rels/document.xml.rels', data: rels },
    { name: 'word/footnotes.xml', data: part('footnote', notes.footnotes ?? []) },
    { name: 'word/endnotes.xml', data: part('endnote', notes.endnotes ?? []) },
  ]);
}

const WORDS = ['وزیر', 'امروز', 'در', 'تهران', 'گفت', 'جلسه', 'فردا', 'برگزار', 'می‌شود', 'خبرگزاری', 'گزارش', 'داد', 'که', 'این', 'طرح', 'اقتصادی', 'مجلس', 'دولت', 'بودجه', 'سال'];

/**
 * The body of a long Persian report as Word writes it (revision ids, run properties, right-to-left
 * flags): four paragraphs of three runs a page, about 7.3 KB of XML and 3.8 KB of text a page.
 */
export function wordReport(pages: number, seed = 3): string {
  let state = seed;
  const rnd = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const rsid = () => Math.floor(rnd() * 0xffffffff).toString(16).toUpperCase().padStart(8, '0');
  const run = (text: string) => `<w:r w:rsidRPr="${rsid()}"><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="B Nazanin"/><w:sz w:val="24"/><w:szCs w:val="28"/><w:rtl/><w:lang w:bidi="fa-IR"/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
  const paragraphs: string[] = [];
  for (let p = 0; p < pages * 4; p++) {
    const runs = Array.from({ length: 3 }, () => run(`${Array.from({ length: 35 }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ')} `));
    paragraphs.push(`<w:p w:rsidR="${rsid()}" w:rsidRDefault="${rsid()}" w:rsidP="${rsid()}"><w:pPr><w:bidi/><w:spacing w:after="160" w:line="259" w:lineRule="auto"/><w:jc w:val="both"/><w:rPr><w:rFonts w:cs="B Nazanin"/><w:rtl/></w:rPr></w:pPr>${runs.join('')}</w:p>`);
  }
  return paragraphs.join('');
}
