// Markdown → the text a reader reads: generated documents mixing front matter, headings, lists, paragraphs with
// inline markup, code blocks and tables, each built together with the text a reader sees.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../util/prng';
import { isMarkdownName, markdownText } from './markdown-text';

const WORDS = ['latency', 'Server', 'queue', 'network', 'mobile', 'users', 'cache', 'Tokyo', 'budget', 'report', 'setup', 'faster'];

interface Piece {
  source: string;
  text: string;
}

/** A document's source and its reader's text, built side by side. */
function generatedDocument(seed: number): Piece {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const word = () => pick(WORDS);
  const words = (n: number) => Array.from({ length: n }, word).join(' ');

  // Inline markup and what a reader sees of it.
  const inline = (): Piece => {
    const text = words(1 + Math.floor(random() * 3));
    return pick<Piece>([
      { source: text, text },
      { source: `**${text}**`, text },
      { source: `*${text}*`, text },
      { source: `_${text}_`, text },
      { source: `~~${text}~~`, text },
      { source: `\`${text}\``, text },
      { source: `[${text}](https://example.org/docs_v2/page?id=${seed}#part)`, text },
      { source: `[**${text}**](https://example.org/x "A title")`, text },
      { source: `![${text}](images/figure-${seed}.png)`, text },
      { source: `<!-- an editor's note --> ${text}`, text },
    ]);
  };
  // A line of prose: a plain word first, so it never starts like a list item, a heading or an HTML block.
  const proseLine = (): Piece => {
    const first = word();
    const parts = [{ source: first, text: first }, ...Array.from({ length: 2 + Math.floor(random() * 5) }, inline)];
    return { source: parts.map((p) => p.source).join(' '), text: parts.map((p) => p.text).join(' ') };
  };
  const block = (kind: number, k: number): Piece => {
    switch (kind) {
      case 0: {
        const depth = 1 + Math.floor(random() * 3);
        const [first, title] = [word(), inline()];
        return { source: `${'#'.repeat(depth)} ${first} ${title.source}`, text: `${'#'.repeat(depth)} ${first} ${title.text}` };
      }
      case 1: {
        const lines = Array.from({ length: 1 + Math.floor(random() * 3) }, proseLine);
        return { source: lines.map((l) => l.source).join('\n') + '.', text: lines.map((l) => l.text).join('\n') + '.' };
      }
      case 2: {
        const ordered = random() < 0.5;
        const bullet = pick(['-', '*', '+']);
        const start = 1 + Math.floor(random() * 4);
        const items = Array.from({ length: 2 + Math.floor(random() * 3) }, (_, i) => {
          const marker = ordered ? `${start + i}${k % 2 ? '.' : ')'}` : bullet;
          const line = proseLine();
          return { source: `${marker} ${line.source}`, text: `${marker} ${line.text}` };
        });
        return { source: items.map((i) => i.source).join('\n'), text: items.map((i) => i.text).join('\n') };
      }
      case 3: {
        const code = '```ts\nconst total = **weights** + `bias`; // [link](x)\n```';
        return { source: code, text: code };
      }
      default: {
        const table = `| Metric | **Before** |\n|---|---|\n| [median](https://x.org) | ${seed} ms |`;
        return { source: table, text: table };
      }
    }
  };

  const pieces: Piece[] = [];
  // Two lists never touch (they would be one list): a paragraph goes between them.
  let previous = -1;
  for (let k = 0; k < 3 + Math.floor(random() * 6); k++) {
    let kind = Math.floor(random() * 5);
    if (kind === 2 && previous === 2) kind = 1;
    pieces.push(block(kind, k));
    previous = kind;
  }
  const body = { source: pieces.map((p) => p.source).join('\n\n'), text: pieces.map((p) => p.text).join('\n\n') };
  if (random() < 0.6) {
    const frontMatter = `---\ntitle: "${words(3)}: a **report**"\ndate: 2026-10-0${1 + (seed % 9)}\ntags: [${word()}, ${word()}]\n---\n`;
    return { source: frontMatter + (random() < 0.5 ? '\n' : '') + body.source, text: body.text };
  }
  return body;
}

describe('markdownText', () => {
  it('gives a reader the text of 300 generated documents: no front matter, no inline markup, lines kept', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { source, text } = generatedDocument(seed);
      expect(markdownText(source), source).toBe(text);
    }
  });

  it('keeps nested items under their item, reads quotes and HTML blocks as their text, and drops comments and rules', () => {
    const source = [
      '+++', 'title = "Notes"', '+++', 'Setext title', '============', '', '- [x] shipped **v2**', '  - nested [item](u)', '', '> Quoted _words_', '',
      '<!-- draft only -->', '', '<div>', 'Boxed <b>text</b>', '</div>', '', '***', '', 'Line one\\', 'line two and more.', '', '[u]: https://example.org',
    ].join('\n');
    expect(markdownText(source)).toBe('# Setext title\n\n- shipped v2\n  - nested item\n\nQuoted words\n\nBoxed text\n\nLine one\nline two and more.');
  });

  it('knows Markdown files by their extension', () => {
    expect(['a.md', 'B.MD', 'notes.markdown'].map(isMarkdownName)).toEqual([true, true, true]);
    expect(['a.txt', 'md', 'a.md.pdf'].map(isMarkdownName)).toEqual([false, false, false]);
  });
});
