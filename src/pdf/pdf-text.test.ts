// PDF text as a reader reads it: PDFs written by test code (content stream in any order), parsed by pdf.js in Node.
import { describe, expect, it } from 'vitest';
import { isPageNumber, pdfPagesToText, type PdfTextItem } from '.';
import { writePdf, type PlacedText } from './testing/pdf-writer';
import { seededRandom } from '../util/prng';
import { PAGE_NUMBER_FORMS, randomDocument, type DrawingOrder } from './testing/random-document';
import { readPdfItems } from './testing/read-pdf';

async function readerText(pages: PlacedText[][]): Promise<string> {
  return pdfPagesToText(await readPdfItems(writePdf(pages)));
}

/** Lines set one under another from (x, top), 10 pt Helvetica on 12 pt leading, as one column. */
function column(lines: string[], x: number, top: number, options: { size?: number; leading?: number; font?: PlacedText['font'] } = {}): PlacedText[] {
  const size = options.size ?? 10;
  return lines.map((text, i) => ({ text, x, y: top - i * (options.leading ?? 1.2 * size), size, font: options.font }));
}

/** Row by row across the columns: what some PDF producers write for multi-column pages. */
function rowByRow(...columns: PlacedText[][]): PlacedText[] {
  const rows = Math.max(...columns.map((c) => c.length));
  return Array.from({ length: rows }, (_, i) => columns.flatMap((c) => (c[i] ? [c[i]] : []))).flat();
}

const LEFT = ['The council met on Monday to discuss', 'the new budget for the public library,', 'which had been cut twice in the last', 'five years by the previous council.'];
const RIGHT = ['Members agreed that the opening hours', 'would grow from forty to fifty hours', 'a week, starting in the first week of', 'the next month, with two new staff.'];

describe('reading order', () => {
  it('reads two columns drawn row by row as left column, then right column', async () => {
    const text = await readerText([rowByRow(column(LEFT, 72, 700), column(RIGHT, 320, 700))]);
    expect(text).toBe(`${LEFT.join(' ')} ${RIGHT.join(' ')}`);
  });

  it('reads three columns drawn in reverse, with a full-width title above them first', async () => {
    const columns = [column(LEFT.slice(0, 2), 72, 680), column(LEFT.slice(2), 250, 680), column(RIGHT, 428, 680)].map((c) => c.map((t) => ({ ...t, size: 8 })));
    const title = { text: 'Library budget grows after two cuts across the whole county', x: 72, y: 720, size: 18 };
    const text = await readerText([[...columns.flat(), title].reverse()]);
    expect(text).toBe(`${title.text}\n\n${[...LEFT, ...RIGHT].join(' ')}`);
  });

  it('keeps a full-width paragraph between two sections of two columns in its place', async () => {
    const top = rowByRow(column(['Alpha one starts the first', 'section on the left side.'], 72, 700), column(['Beta two continues it on', 'the right side of the page.'], 320, 700));
    const middle = column(['A full-width paragraph runs across both of the columns and sits between the two sections.'], 72, 660);
    const bottom = rowByRow(column(['Gamma three opens the second', 'section on the left side.'], 72, 630), column(['Delta four ends it on the', 'right side of the page.'], 320, 630));
    const text = await readerText([[...bottom, ...middle, ...top]]);
    expect(text.replace(/\n\n/g, ' ')).toBe(
      'Alpha one starts the first section on the left side. Beta two continues it on the right side of the page. ' +
        'A full-width paragraph runs across both of the columns and sits between the two sections. ' +
        'Gamma three opens the second section on the left side. Delta four ends it on the right side of the page.',
    );
  });
});

describe('running headers, footers and page numbers', () => {
  it('removes a header repeated on each page and a "page n of 3" footer', async () => {
    const body = [LEFT, RIGHT, [...LEFT].reverse()];
    const pages = body.map((lines, p) => [
      { text: 'Quarterly Report of the Library Board', x: 72, y: 750, size: 9 },
      ...column(lines, 72, 700),
      { text: `page ${p + 1} of 3`, x: 280, y: 40, size: 9 },
    ]);
    const text = await readerText(pages);
    expect(text).not.toMatch(/Quarterly|page \d/);
    expect(text).toBe(body.flat().join(' '));
  });

  it('removes a header row that holds a page number, though its text changes from chapter to chapter', async () => {
    const headers = ['Chapter 1: Introduction', 'Chapter 2: Structure handling', 'Chapter 2: Structure handling'];
    const pages = [LEFT, RIGHT, [...LEFT].reverse()].map((lines, p) => [
      { text: headers[p]!, x: 72, y: 750, size: 9 },
      { text: String(p + 1), x: 530, y: 750, size: 9 },
      ...column(lines, 72, 700),
    ]);
    expect(await readerText(pages)).toBe([...LEFT, ...RIGHT, ...[...LEFT].reverse()].join(' '));
  });

  it.each(Object.entries(PAGE_NUMBER_FORMS))('removes page numbers written as %s', async (_, form) => {
    const pages = [LEFT, RIGHT].map((lines, p) => [...column(lines, 72, 700), { text: form(p + 1, 2), x: 300, y: 40, size: 9 }]);
    expect(await readerText(pages)).toBe([...LEFT, ...RIGHT].join(' '));
  });

  it('knows page numbers in their common forms and leaves other short lines alone', () => {
    for (const text of ['3', '- 3 -', '— 12 —', '3 / 9', 'page 3 of 9', 'Page 3', 'p. 3', 'iv', 'xii', '3ページ', '第3页', 'Seite 2 von 5']) expect(isPageNumber(text), text).toBe(true);
    for (const text of ['Table 3', 'civil', '2023 results', 'Chapter 3', 'page three', '3.5 million']) expect(isPageNumber(text), text).toBe(false);
  });

  it('keeps lines at the top and bottom of pages that share a layout but whose numbers vary, not stepping with the page', async () => {
    // Invoices: one layout per page, each line differing only in its numbers (amounts, dates, invoice numbers); the
    // title and the last line step with the page, but the title is larger than the text and the last line is body.
    for (const count of [2, 3, 5]) {
      const pages = Array.from({ length: count }, (_, p) => [
        { text: `Invoice ${1040 + p}`, x: 72, y: 740, size: 16 },
        ...column([`Customer number ${5521 + p * 13} ordered ${3 + p} boxes of paper.`, `The total due is ${120 + p * 45} dollars by March ${10 + p}.`, `Please pay within ${30 + p} days to avoid a late fee.`], 72, 700, { leading: 16 }),
      ]);
      const text = await readerText(pages);
      expect(text.replace(/\n\n/g, ' '), `${count} invoices`).toBe(pages.flat().map((line) => line.text).join(' '));
    }
  });

  it('keeps a numbered list that runs over pages, its numbers at the same place on each page', async () => {
    const items = Array.from({ length: 30 }, (_, n) => `${n + 1}. Water the ${['roses', 'tomatoes', 'beans', 'herbs', 'carrots'][n % 5]} early in the morning.`);
    const pages = Array.from({ length: 6 }, (_, p) => column(items.slice(5 * p, 5 * p + 5), 72, 720, { leading: 16 }));
    expect(await readerText(pages)).toBe(items.join('\n\n'));
  });

  it('keeps body lines at the top and bottom of the text that differ only in the page number, under a header and over a footer', async () => {
    const pages = Array.from({ length: 6 }, (_, p) => [
      { text: 'Handbook of Practical Gardening', x: 72, y: 760, size: 8 },
      ...column(Array.from({ length: 8 }, (_, l) => `Page ${p + 1} line ${l + 1}: water the roses early in the morning.`), 72, 720, { leading: 16 }),
      { text: `Page ${p + 1} of 6`, x: 280, y: 40, size: 8 },
    ]);
    const text = await readerText(pages);
    expect(text).not.toMatch(/Handbook|of 6/);
    expect(text.match(/line \d+:/g)).toHaveLength(48);
  });

  it('removes a header whose number steps with the page, and keeps the text when removal would leave none', async () => {
    const stepping = [LEFT, RIGHT, [...LEFT].reverse()].map((lines, p) => [{ text: `Proceedings of the Board, Vol. 3, 2026, p. ${1043 + p}`, x: 72, y: 750, size: 9 }, ...column(lines, 72, 700)]);
    expect(await readerText(stepping)).toBe([...LEFT, ...RIGHT, ...[...LEFT].reverse()].join(' '));
    // Every page holds only the same line: it looks running, but it is all the text there is.
    const alike = [0, 1, 2].map(() => [{ text: 'Minutes of the annual meeting of the library board', x: 72, y: 700, size: 10 }]);
    expect((await readerText(alike)).match(/Minutes of the annual meeting/g)).toHaveLength(3);
  });

  it('keeps a repeated line that is not at the top or bottom of its pages', async () => {
    const pages = [LEFT, RIGHT, [...LEFT].reverse()].map((lines) => column([...lines.slice(0, 2), 'Results are shown below.', ...lines.slice(2)], 72, 700, { leading: 40 }));
    expect((await readerText(pages)).match(/Results are shown below\./g)).toHaveLength(3);
  });
});

describe('lines into paragraphs', () => {
  it('joins a word hyphenated at a line end and turns line breaks into spaces', async () => {
    const text = await readerText([column(['Extractive sum-', 'marization picks the most central sen-', 'tences of a text.'], 72, 700)]);
    expect(text).toBe('Extractive summarization picks the most central sentences of a text.');
  });

  it('keeps the hyphen of compounds: before a capital or a digit, or a compound the document writes elsewhere', async () => {
    const lines = ['The Franco-', 'German treaty and COVID-', '19 rules were well-', 'known, as the well-known', 'saying goes - really -', 'everywhere.'];
    expect(await readerText([column(lines, 72, 700, { size: 10, leading: 12 })])).toBe('The Franco-German treaty and COVID-19 rules were well-known, as the well-known saying goes - really - everywhere.');
  });

  it('keeps the last hyphen of an already hyphenated compound and a hyphen between numbers', async () => {
    const lines = ['A state-of-the-', 'art data centre opened in Leeds and sales', 'from 2019-', '2024 grew steadily with the non-', 'English market.'];
    expect(await readerText([column(lines, 72, 700)])).toBe('A state-of-the-art data centre opened in Leeds and sales from 2019-2024 grew steadily with the non-English market.');
  });

  it('keeps the hyphen of compounds broken at a line end and joins syllable breaks, in generated paragraphs', async () => {
    // [head, tail, how the document writes the word elsewhere inside a line (evidence) or '', the reader's word]
    const breaks: [string, string, string, string][] = [
      ['well', 'known', '', 'well-known'],
      ['well', 'being', '', 'well-being'],
      ['self', 'driving', '', 'self-driving'],
      ['ill', 'advised', '', 'ill-advised'],
      ['follow', 'up', '', 'follow-up'],
      ['follow', 'on', '', 'follow-on'],
      ['consul', 'tation', '', 'consultation'],
      ['prob', 'lem', '', 'problem'],
      ['permit', 'ting', '', 'permitting'],
      ['follow', 'ing', '', 'following'],
      ['self', 'ish', '', 'selfish'],
      ['well', 'ness', '', 'wellness'],
      ['cross', 'border', 'cross-border', 'cross-border'],
      ['on', 'line', 'online', 'online'],
      ['well', 'being', 'wellbeing', 'wellbeing'],
    ];
    const filler = ['the', 'council', 'said', 'that', 'every', 'report', 'was', 'read', 'by', 'members', 'of', 'staff'];
    for (let seed = 1; seed <= 30; seed++) {
      const random = seededRandom(seed);
      const words = (n: number): string => Array.from({ length: n }, () => filler[Math.floor(random() * filler.length)]!).join(' ');
      const chosen = Array.from({ length: 3 + Math.floor(random() * 4) }, () => breaks[Math.floor(random() * breaks.length)]!);
      // One piece of evidence per document, so the cases never contradict each other.
      const evidence = chosen.find(([, , written]) => written !== '')?.[2];
      const picked = chosen.filter(([, , written]) => written === '' || written === evidence);
      // Each line ends with a head and its hyphen; the next line starts with the tail.
      const middles = picked.map((_, k) => `${words(4)}${k === 0 && evidence ? ` ${evidence}` : ''} ${words(3)}`);
      const end = `${words(5)}.`;
      const lines = [
        ...picked.map(([head], k) => `${k > 0 ? `${picked[k - 1]![1]} ` : ''}${middles[k]} ${head}-`),
        `${picked[picked.length - 1]![1]} ${end}`,
      ];
      // The document's own spelling decides over the rule ("wellbeing" written: "well-" / "being" joins).
      const spelled = ([head, tail, , word]: (typeof breaks)[number]): string => (evidence?.replace('-', '') === head + tail ? evidence : word);
      const expected = [...picked.flatMap((entry, k) => [middles[k], spelled(entry)]), end].join(' ');
      expect(await readerText([column(lines, 72, 700, { size: 10, leading: 12 })]), lines.join(' / ')).toBe(expected);
    }
  });

  it('never ends a paragraph at a line ending in a hyphen, however short the line', async () => {
    const breaks: [string, string, string][] = [
      ['e-', 'mail', 'email'],
      ['re-', 'organised', 'reorganised'],
      ['state-of-the-', 'art', 'state-of-the-art'],
      ['2019-', '2024', '2019-2024'],
      ['COVID-', '19', 'COVID-19'],
    ];
    for (const [head, tail, word] of breaks) {
      const lines = ['The office replaced its old systems last year, and the', `new ${head}`, `${tail} setup was finished by the end of the spring term.`];
      const text = await readerText([column(lines, 72, 700)]);
      expect(text, head).toBe(`The office replaced its old systems last year, and the new ${word} setup was finished by the end of the spring term.`);
    }
  });

  it('separates paragraphs by a larger gap, an indent or a line that stopped short', async () => {
    const byGap = [...column(['First paragraph is here and it is long', 'enough to fill two lines of text.'], 72, 700), ...column(['Second paragraph after a gap.'], 72, 670)];
    const byIndent = [...column(['First paragraph is here and it is long', 'enough to fill two lines of text.'], 72, 700), ...column(['Second paragraph is indented.'], 90, 676)];
    const expected = (second: string): string => `First paragraph is here and it is long enough to fill two lines of text.\n\n${second}`;
    expect(await readerText([byGap])).toBe(expected('Second paragraph after a gap.'));
    expect(await readerText([byIndent])).toBe(expected('Second paragraph is indented.'));
    // A paragraph ending short at a column's foot, the next one at the top of the next column.
    const left = column(['Alpha paragraph fills this first line', 'and then ends early.'], 72, 700);
    const right = column(['Beta paragraph starts at the top of', 'the right column and goes on.'], 320, 700);
    expect(await readerText([rowByRow(left, right)])).toBe('Alpha paragraph fills this first line and then ends early.\n\nBeta paragraph starts at the top of the right column and goes on.');
  });

  it('continues a paragraph from one column to the next and across a page break', async () => {
    const left = column(['A sentence starts in the left column', 'and carries on at the foot of it to'], 72, 700);
    const right = column(['the top of the right column, then the', 'page ends in the middle of the'], 320, 700);
    const next = column(['sentence, which ends here.'], 72, 700);
    expect(await readerText([rowByRow(left, right), next])).toBe(
      'A sentence starts in the left column and carries on at the foot of it to the top of the right column, then the page ends in the middle of the sentence, which ends here.',
    );
  });

  it('makes each list item a paragraph, with its wrapped lines hanging under its text', async () => {
    const placed: [string, number][] = [
      ['The main features of this library are:', 72],
      ['• On-line structure management that needs no', 72],
      ['generation.', 82],
      ['• Off-line structure management with code', 72],
      ['generation containing an array.', 82],
      ['• Thread-safety. No global variables are used and', 72],
      ['handles may be used in parallel.', 82],
      ['1. Numbered items work the same way as the bullets', 72],
      ['2. and so does a second one.', 72],
    ];
    const lines = placed.map(([text, x], i) => ({ text, x, y: 700 - 12 * i, size: 10 }));
    expect(await readerText([lines.reverse()])).toBe(
      [
        'The main features of this library are:',
        '• On-line structure management that needs no generation.',
        '• Off-line structure management with code generation containing an array.',
        '• Thread-safety. No global variables are used and handles may be used in parallel.',
        '1. Numbered items work the same way as the bullets',
        '2. and so does a second one.',
      ].join('\n\n'),
    );
  });

  it('keeps a section number set apart from its title on the title\'s line', async () => {
    const page = [
      { text: '2.1', x: 72, y: 700, size: 12 },
      { text: 'Naming', x: 100, y: 700, size: 12 },
      ...column(['Consider this definition of names, which the parser', 'reads from the schema file.'], 72, 680),
    ];
    expect(await readerText([page])).toBe('2.1 Naming\n\nConsider this definition of names, which the parser reads from the schema file.');
  });

  it('keeps a title in body size on its own line above the text it runs into, and joins prose lines before a name', async () => {
    const measure = 60; // characters; Courier's glyphs are all 0.6 em, so line breaking is exact
    const titleWords = ['Annual', 'Review', 'Water', 'Authority', 'Operations', 'Port', 'Ellis', 'Budget', 'Harbor', 'Committee', 'Plan', 'Council'];
    const prose = ['the', 'board', 'met', 'with', 'members', 'of', 'staff', 'on', 'Monday', 'Port', 'Ellis', 'Anna', 'Lee', 'and', 'reviewed', 'plans'];
    const openers = ['Throughout', 'Construction', 'Researchers', 'Yesterday'];
    /** Greedy lines of at most `measure` characters. */
    const wrap = (words: string[]): string[] =>
      words.reduce<string[]>((lines, word) => {
        const last = lines[lines.length - 1];
        if (last !== undefined && last.length + 1 + word.length <= measure) lines[lines.length - 1] = `${last} ${word}`;
        else lines.push(word);
        return lines;
      }, []);
    let namesAfterProse = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const random = seededRandom(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
      const body = wrap([pick(openers), ...Array.from({ length: 40 }, () => pick(prose))]);
      body[body.length - 1] += '.';
      const draw = (lines: string[]) => readerText([column(lines, 72, 700, { font: 'courier', size: 10, leading: 12 })]);
      if (seed % 2 === 0) {
        // A prose paragraph: its line before a name ("… members of the" / "Port Ellis …") is no title.
        if (/^\p{Lu}/u.test(body[1]!)) namesAfterProse++;
        expect(await draw(body), `seed ${seed}`).toBe(body.join(' '));
        continue;
      }
      // A title-case title about as wide as the text, so the text's first word would not have fitted after it.
      let title = pick(titleWords);
      while (title.length < measure - 8) title += `${random() < 0.3 ? pick([' of', ' and', ' for the', ':']) : ''} ${pick(titleWords)}`;
      title = title.length > measure ? title.slice(0, title.lastIndexOf(' ')).replace(/(?: of| and| for| the|:)+$/, '') : title;
      expect(await draw([title, ...body]), `seed ${seed}`).toBe(`${title}\n${body.join(' ')}`);
    }
    expect(namesAfterProse).toBeGreaterThan(3);
  });

  it('joins CJK lines without a space and drops a Japanese page number', async () => {
    const first = ['吾輩は猫である。名前はまだ無い。どこ', 'で生れたかとんと見当がつかぬ。何でも', '薄暗い所で泣いていた。'];
    const second = ['親譲りの無鉄砲で小供の時から損ばかり', 'している。小学校に居る時分学校の二階', 'から飛び降りて一週間ほど腰を抜かした。'];
    const pages = [first, second].map((lines, p) => [...column(lines, 72, 700, { size: 12, font: 'cjk' }), { text: `${p + 1}ページ`, x: 290, y: 40, size: 9, font: 'cjk' as const }]);
    // The first page's last line stops short, so the second page starts a paragraph.
    expect(await readerText(pages)).toBe(`${first.join('')}\n\n${second.join('')}`);
  });

  it('joins CJK pieces of a title set apart by a gap with a full-width space, and touching ones with nothing', async () => {
    const phrases = ['市水道局', '老朽管の更新を加速', '漏水率', '改善目指す', '大雪で休校', '新幹線', '運転見合わせ', '帰省客に影響'];
    const body = ['市水道局は２０２６年度の事業報告をまとめた。市内の約３１万人に１日平均', '４８００万リットルの水を供給し、前年度より３％増えた。最も大きな出来事は', '浄水場の完成だった。工事は予定より４か月早く終わり、費用も予算を下回った。'];
    for (let seed = 1; seed <= 20; seed++) {
      const random = seededRandom(seed);
      const size = 12;
      const pieces = Array.from({ length: 2 + Math.floor(random() * 2) }, () => phrases[Math.floor(random() * phrases.length)]!);
      let x = 72;
      let title = '';
      const placed = pieces.map((text, k) => {
        // Every glyph of the test font is 1 em wide. A gap of 1–2 em (a full-width space, or two) makes pdf.js give
        // separate items; pieces that touch come as one item.
        const spaced = k > 0 && random() < 0.6;
        x += spaced ? (1 + random()) * size : 0;
        title += (spaced ? '\u3000' : '') + text;
        const item = { text, x, y: 720, size, font: 'cjk' as const };
        x += text.length * size;
        return item;
      });
      const text = await readerText([[...placed, ...column(body, 72, 700, { size, font: 'cjk', leading: 18 })]]);
      expect(text, `seed ${seed}`).toBe(`${title}\n\n${body.join('')}`);
    }
  });
});

describe('generated documents (1–3 columns, any drawing order, header, page numbers, hyphenation, justified)', () => {
  const orders: DrawingOrder[] = ['columns', 'rows', 'reversed', 'shuffled'];
  it('reads every generated document as its source paragraphs', async () => {
    const seen = { forms: new Set<string>(), styles: new Set<string>(), justified: new Set<boolean>(), hyphenated: 0 };
    for (let seed = 1; seed <= 36; seed++) {
      const document = randomDocument(seed, { columns: 1 + (seed % 3), order: orders[seed % 4] });
      const text = await readerText(document.pages);
      const justified = document.justified ? 'justified' : 'ragged';
      expect(text, `seed ${seed}: ${document.columns} columns drawn by ${document.order}, ${justified} ${document.style} paragraphs, page numbers "${document.pageNumberForm}"`).toBe(document.expected);
      seen.forms.add(document.pageNumberForm);
      seen.styles.add(document.style);
      seen.justified.add(document.justified);
      seen.hyphenated += document.hyphenated.length;
    }
    expect(seen.forms.size).toBe(Object.keys(PAGE_NUMBER_FORMS).length);
    expect(seen.styles.size).toBe(2);
    expect(seen.justified.size).toBe(2);
    expect(seen.hyphenated).toBeGreaterThan(100);
  });
});

describe('pure layout on pdf.js items', () => {
  const item = (str: string, x: number, y: number, width: number, size = 10): PdfTextItem => ({ str, transform: [size, 0, 0, size, x, y], width, height: size });

  it('removes a soft hyphen at a line end and merges pieces of one line', () => {
    const items = [item('Summari\u00ad', 72, 700, 40), item('zation of ', 72, 688, 45), item('text', 120, 688, 20), item(' ', 140, 688, 3)];
    expect(pdfPagesToText([items])).toBe('Summarization of text');
  });

  it('puts no space between CJK pieces that justification spaced out', () => {
    const items = [item('吾輩は', 72, 700, 36, 12), item('猫である。', 111, 700, 60, 12)];
    expect(pdfPagesToText([items])).toBe('吾輩は猫である。');
  });

  it('gives an empty text for pages without text', () => {
    expect(pdfPagesToText([[], [item('  ', 72, 700, 5)]])).toBe('');
  });
});
