/**
 * Seeded random documents laid out as PDF pages, with the text a reader would take from them. Paragraphs of random
 * sentences are set in Courier (every glyph 0.6 em, so line breaking is exact) in 1–3 columns, with a full-width
 * title, a running header, a page-number footer in one of the common forms, words hyphenated at line ends, lines
 * ragged or justified (word by word, so narrow columns get wide spaces), and the content stream drawn column by column, row by row across the columns, reversed or shuffled.
 */
import { seededRandom } from '../../util/prng';
import { LETTER, type PlacedText } from './pdf-writer';

export type DrawingOrder = 'columns' | 'rows' | 'reversed' | 'shuffled';
export type ParagraphStyle = 'indent' | 'gap';

export interface RandomDocument {
  pages: PlacedText[][];
  /** What a reader takes from the pages: title and paragraphs, separated by blank lines. */
  expected: string;
  /** The text hyphenated at line ends, e.g. "sum-" / "marization", for test messages. */
  hyphenated: string[];
  columns: number;
  order: DrawingOrder;
  style: ParagraphStyle;
  pageNumberForm: string;
  justified: boolean;
}

const WORDS = (
  'the a of and to in model data text page reader column line word paragraph summary study result method table ' +
  'value small large early late common simple strong weak clear quick slow first second third new old local ' +
  'summarization representation international configuration measurement development evaluation performance ' +
  'information distribution experimental significantly approximately transformation interpretation ' +
  'is was are were has had shows gives finds reads keeps takes leaves moves builds tests runs'
).split(' ');
// Compounds whose hyphen stays when they break at it: the part after the hyphen starts with a capital or a digit.
const COMPOUNDS = ['Franco-German', 'COVID-19', 'non-English', 'pre-Columbian', 'GPT-2'];
const CAPITALS = ['The', 'Our', 'This', 'Each', 'Most', 'Researchers', 'Summarization', 'Early', 'International'];

/** Page-number footers in their common forms; `n` is the page, `total` the page count. */
export const PAGE_NUMBER_FORMS: Record<string, (n: number, total: number) => string> = {
  bare: (n) => `${n}`,
  'page-of': (n, total) => `page ${n} of ${total}`,
  Page: (n) => `Page ${n}`,
  dashes: (n) => `- ${n} -`,
  slash: (n, total) => `${n} / ${total}`,
  'p.': (n) => `p. ${n}`,
};

/** The running header drawn at the top of the pages. */
export const RUNNING_HEADER = 'Journal of Generated Layouts, Vol. 12 (2026)';

const MARGIN = 72;
const CHAR_EM = 0.6; // Courier advance width, in ems (PDF standard font metrics).

function sentence(random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const words = [pick(CAPITALS)];
  const length = 5 + Math.floor(random() * 14);
  for (let i = 1; i < length; i++) words.push(random() < 0.06 ? pick(COMPOUNDS) : pick(WORDS));
  return `${words.join(' ')}${random() < 0.15 ? ',' : ''}.`.replace(/,\.$/, '.');
}

interface SetLine {
  text: string;
  indent: number;
}

/** Greedy line breaking at `measure` characters, hyphenating long words that would leave a line short. */
function breakParagraph(words: string[], measure: number, indent: number, random: () => number, hyphenated: string[]): SetLine[] {
  const lines: SetLine[] = [];
  let line = '';
  let width = measure - indent;
  const push = (): void => {
    lines.push({ text: line, indent: lines.length === 0 ? indent : 0 });
    line = '';
    width = measure;
  };
  for (let word of words) {
    for (;;) {
      const room = width - (line ? line.length + 1 : 0);
      if (word.length <= room) {
        line = line ? `${line} ${word}` : word;
        break;
      }
      const hyphen = word.indexOf('-');
      if (hyphen > 0 && hyphen + 1 <= room && /[\p{Lu}\p{N}]/u.test(word[hyphen + 1]!)) {
        // A compound breaks at its own hyphen.
        line = line ? `${line} ${word.slice(0, hyphen + 1)}` : word.slice(0, hyphen + 1);
        hyphenated.push(`${word.slice(0, hyphen + 1)} / ${word.slice(hyphen + 1)}`);
        word = word.slice(hyphen + 1);
      } else if (/^\p{L}+[.,]?$/u.test(word) && word.length >= 8 && room >= 4 && random() < 0.8) {
        const cut = Math.min(room - 1, word.replace(/[.,]$/, '').length - 3);
        if (cut >= 3) {
          line = line ? `${line} ${word.slice(0, cut)}-` : `${word.slice(0, cut)}-`;
          hyphenated.push(`${word.slice(0, cut)}- / ${word.slice(cut)}`);
          word = word.slice(cut);
        }
      }
      if (line === '') {
        line = word; // A word longer than the measure gets its own (overfull) line.
        break;
      }
      push();
    }
  }
  if (line) push();
  return lines;
}

/** A random document from `seed`; the same seed gives the same document. */
export interface RandomDocumentOptions {
  columns?: number;
  /** Pages to fill, about (the last one is partly filled). */
  pages?: number;
  order?: DrawingOrder;
  style?: ParagraphStyle;
  /** Lines spread to the full measure, word by word (wide spaces in narrow columns). */
  justified?: boolean;
  /** A key of `PAGE_NUMBER_FORMS`. */
  pageNumberForm?: string;
}

export function randomDocument(seed: number, options: RandomDocumentOptions = {}): RandomDocument {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const columns = options.columns ?? 1 + Math.floor(random() * 3);
  const pageCount = options.pages ?? 2 + Math.floor(random() * 3);
  const order = options.order ?? pick(['columns', 'rows', 'reversed', 'shuffled'] as const);
  const style = options.style ?? pick(['indent', 'gap'] as const);
  const justified = options.justified ?? random() < 0.5;
  const pageNumberForm = options.pageNumberForm ?? pick(Object.keys(PAGE_NUMBER_FORMS));
  const size = pick([9, 10, 11]);
  const leading = 1.2 * size;
  const glyph = CHAR_EM * size;
  const gutter = pick([1.5, 2, 3]) * size;
  const columnWidth = (LETTER.width - 2 * MARGIN - (columns - 1) * gutter) / columns;
  const measure = Math.floor(columnWidth / glyph);
  const headerY = LETTER.height - 40;
  const bodyTop = LETTER.height - MARGIN;
  const bodyBottom = MARGIN;

  const hyphenated: string[] = [];
  const title = `A Study of ${pick(CAPITALS)} Layouts`;
  // Enough paragraphs to fill `pageCount - 0.5` pages.
  const charsPerPage = columns * Math.floor((bodyTop - bodyBottom) / leading) * measure;
  const paragraphs: string[] = [];
  for (let chars = 0; chars < (pageCount - 0.5) * charsPerPage; chars += paragraphs[paragraphs.length - 1]!.length) {
    paragraphs.push(Array.from({ length: 1 + Math.floor(random() * 4) }, () => sentence(random)).join(' '));
  }

  const pages: PlacedText[][] = [];
  let page: PlacedText[] = [];
  let column = 0;
  let columnTop = 0;
  let y = 0;
  const startPage = (): void => {
    page = [];
    pages.push(page);
    column = 0;
    columnTop = bodyTop;
    if (pages.length === 1) {
      page.push({ text: title, x: MARGIN, y: bodyTop, size: 16 });
      columnTop -= 2 * 16;
    }
    y = columnTop;
  };
  startPage();
  const nextRow = (): void => {
    if (y < bodyBottom) {
      column++;
      if (column === columns) startPage();
      else y = columnTop;
    }
  };
  for (const text of paragraphs) {
    if (style === 'gap' && y !== columnTop) y -= 0.8 * leading;
    nextRow();
    // At a column top a gap cannot be seen, so there a new paragraph is shown by an indent.
    const indent = style === 'indent' || y === columnTop ? 2 : 0;
    const set = breakParagraph(text.split(' '), measure, indent, random, hyphenated);
    set.forEach((line, i) => {
      nextRow();
      const left = MARGIN + column * (columnWidth + gutter);
      const x = left + line.indent * glyph;
      const words = line.text.split(' ');
      // Justified: the words spread so the line ends exactly at the measure, each drawn on its own. Like a good
      // typesetter, a line that would need spaces over 0.95 em (TeX's glue is 0.33 em, stretching to 0.5) stays
      // ragged: wider spaces look like column gutters (see NOTES, PDF text).
      const space = (measure * glyph - line.indent * glyph - (line.text.length - words.length + 1) * glyph) / (words.length - 1);
      if (justified && i < set.length - 1 && words.length > 1 && space <= 0.95 * size) {
        let at = x;
        for (const word of words) {
          page.push({ text: word, x: at, y, size, font: 'courier' });
          at += word.length * glyph + space;
        }
      } else {
        page.push({ text: line.text, x, y, size, font: 'courier' });
      }
      y -= leading;
    });
  }

  const form = PAGE_NUMBER_FORMS[pageNumberForm]!;
  pages.forEach((body, index) => {
    const furniture: PlacedText[] = [{ text: form(index + 1, pages.length), x: LETTER.width / 2 - 10, y: 36, size: 9 }];
    if (index > 0 || pages.length < 3 || random() < 0.5) furniture.push({ text: RUNNING_HEADER, x: MARGIN, y: headerY, size: 9 });
    const drawn = drawingOrder(body, order, random);
    const at = Math.floor(random() * (drawn.length + 1));
    pages[index] = [...drawn.slice(0, at), ...furniture, ...drawn.slice(at)];
  });

  return { pages, expected: [title, ...paragraphs].join('\n\n'), hyphenated, columns, order, style, pageNumberForm, justified };
}

function drawingOrder(texts: PlacedText[], order: DrawingOrder, random: () => number): PlacedText[] {
  switch (order) {
    case 'columns':
      return texts;
    case 'rows':
      return [...texts].sort((a, b) => b.y - a.y || a.x - b.x);
    case 'reversed':
      return [...texts].reverse();
    case 'shuffled': {
      const out = [...texts];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    }
  }
}
