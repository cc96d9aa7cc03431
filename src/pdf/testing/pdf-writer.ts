/**
 * A small PDF writer for tests: text placed at explicit positions, drawn in exactly the order given, so a test
 * controls the content stream (columns drawn row by row, headers after the body, …). Fonts: Helvetica and Courier
 * (WinAnsiEncoding) and a CJK Type0 font (Identity-H, ToUnicode map, every glyph 1 em wide). Pure TS, no Node APIs:
 * unit tests and browser-test fixtures both use it. Format: PDF 1.4 (ISO 32000-1), uncompressed objects.
 */

export type PdfFont = 'helvetica' | 'courier' | 'cjk';

/** One string drawn with its baseline starting at (x, y), PDF units (1/72 in), origin bottom-left. */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
  size: number;
  font?: PdfFont;
}

export interface PdfPageSize {
  width: number;
  height: number;
}

export const LETTER: PdfPageSize = { width: 612, height: 792 };

const FONT_RESOURCE: Record<PdfFont, string> = { helvetica: 'F1', courier: 'F2', cjk: 'F3' };

// WinAnsiEncoding bytes of the characters above Latin-1 that tests draw (PDF 32000-1, Annex D.2).
const WIN_ANSI: Record<string, number> = { '•': 0x95, '–': 0x96, '—': 0x97, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '…': 0x85, '€': 0x80 };

/** A PDF literal string in WinAnsiEncoding; throws for characters that encoding lacks. */
export function pdfString(text: string): string {
  let out = '(';
  for (const char of text) {
    const code = WIN_ANSI[char] ?? char.codePointAt(0)!;
    if (code > 0xff) throw new Error(`"${char}" is not in WinAnsiEncoding: draw it with the cjk font`);
    out += char === '\\' || char === '(' || char === ')' ? `\\${char}` : String.fromCharCode(code);
  }
  return `${out})`;
}

/** UTF-16BE hex string for the Identity-H CJK font (its CIDs are the UTF-16 code units). */
function pdfHexString(text: string): string {
  let out = '<';
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `${out}>`;
}

/** Bytes of a PDF from its numbered objects (object i is `i + 1 0 obj`; object 1 must be the catalog). */
export function assemblePdf(objects: readonly string[], trailerExtra = ''): Uint8Array {
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  // Every character is one byte (strings are encoded above), so string offsets are byte offsets.
  return Uint8Array.from(body, (char) => char.charCodeAt(0));
}

/** The content stream that draws `texts` in the given order. */
export function textContent(texts: readonly PlacedText[]): string {
  return texts
    .map((t) => {
      const font = t.font ?? 'helvetica';
      const shown = font === 'cjk' ? pdfHexString(t.text) : pdfString(t.text);
      return `BT /${FONT_RESOURCE[font]} ${t.size} Tf 1 0 0 1 ${t.x.toFixed(2)} ${t.y.toFixed(2)} Tm ${shown} Tj ET`;
    })
    .join('\n');
}

function toUnicodeCMap(): string {
  // Identity map for the Basic Multilingual Plane, one range per high byte (a bfrange may not cross one).
  const ranges = Array.from({ length: 256 }, (_, high) => {
    const h = high.toString(16).padStart(2, '0');
    return `<${h}00> <${h}ff> <${h}00>`;
  });
  const chunks: string[] = [];
  for (let i = 0; i < ranges.length; i += 100) chunks.push(`${Math.min(100, ranges.length - i)} beginbfrange\n${ranges.slice(i, i + 100).join('\n')}\nendbfrange`);
  return [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Test-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <ffff> endcodespacerange',
    ...chunks,
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
}

/** A PDF with one page per entry of `pages`, each page drawing its texts in the order given. */
export function writePdf(pages: readonly (readonly PlacedText[])[], size: PdfPageSize = LETTER): Uint8Array {
  const fontObjects = [
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /TestCJK /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>',
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestCJK /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 1000 /CIDToGIDMap /Identity >>',
    streamObject(toUnicodeCMap()),
    '<< /Type /FontDescriptor /FontName /TestCJK /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
  ];
  const firstPage = 3 + fontObjects.length;
  const pageObjects = pages.flatMap((texts, i) => [
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${size.width} ${size.height}] /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >> >> /Contents ${firstPage + 2 * i + 1} 0 R >>`,
    streamObject(textContent(texts)),
  ]);
  const kids = pages.map((_, i) => `${firstPage + 2 * i} 0 R`).join(' ');
  return assemblePdf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`, ...fontObjects, ...pageObjects]);
}

export function streamObject(content: string): string {
  return `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
}
