// A Markdown document as the text its reader reads, for the summarizer: front matter removed, inline markup reduced
// to its text (a link's text without its URL, an image's alt text, a code span's code), while the line structure the
// summarizer reads stays as it is in the source: a heading keeps its "#" marks on a line of its own, a list item its
// marker ("-", "3.") on a line of its own, a paragraph its line breaks; fenced code blocks and tables are kept
// verbatim (the engine knows them as not prose). Parsing is marked's lexer (CommonMark + GFM, no dependencies);
// this module only maps its tokens to lines.
import { Lexer, type Token, type Tokens } from 'marked';

// Front matter, the Jekyll/Hugo convention: the file opens with a "---" (YAML) or "+++" (TOML) line and the same
// fence (or YAML's "...") closes it. It is metadata for the site generator, not text a reader sees.
const FRONT_MATTER = /^(?:---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)|\+\+\+[ \t]*\r?\n[\s\S]*?\r?\n\+\+\+)[ \t]*(?:\r?\n|$)/;
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const HTML_TAG = /<\/?[A-Za-z][^>]*>/g;
// A list item's marker as the source writes it ("-", "*", "+", "3.", "12)").
const ITEM_MARKER = /^\s*([-*+]|\d{1,9}[.)])/;
// Nested list items are indented by this much per level, as Markdown sources write them.
const NESTED_INDENT = '  ';

/**
 * The reader's text of the Markdown document `source`: blocks separated by a blank line, list items on consecutive
 * lines ("- item", "  - nested", "3. step"), headings as "# Title". Never throws; text that is not Markdown comes back
 * with its lines as they were.
 */
export function markdownText(source: string): string {
  const body = source.replace(/^\uFEFF/, '').replace(FRONT_MATTER, '');
  return blocksText(new Lexer({ gfm: true }).lex(body), '').join('\n\n');
}

/** One string per block (a list is one block: its items on consecutive lines); empty blocks left out. */
function blocksText(tokens: readonly Token[], indent: string): string[] {
  return tokens.map((token) => blockText(token, indent)).filter((text) => text.trim() !== '');
}

function blockText(token: Token, indent: string): string {
  switch (token.type) {
    case 'heading': {
      const heading = token as Tokens.Heading;
      return `${indent}${'#'.repeat(heading.depth)} ${inlineText(heading.tokens)}`;
    }
    case 'paragraph':
    case 'text': {
      const block = token as Tokens.Paragraph | Tokens.Text;
      return indentLines(block.tokens ? inlineText(block.tokens) : block.text, indent);
    }
    case 'list':
      return (token as Tokens.List).items.map((item) => listItemText(item, indent)).join('\n');
    case 'blockquote':
      return blocksText((token as Tokens.Blockquote).tokens, indent).join('\n\n');
    case 'code':
    case 'table':
      return token.raw.replace(/\n+$/, '');
    case 'html':
      return indentLines(htmlText(token.raw).trim(), indent);
    default:
      // space, hr, link reference definitions, checkboxes: nothing a reader reads.
      return '';
  }
}

function listItemText(item: Tokens.ListItem, indent: string): string {
  const marker = ITEM_MARKER.exec(item.raw)?.[1] ?? '-';
  const [first = '', ...rest] = item.tokens.flatMap((token) =>
    token.type === 'list' ? [blockText(token, indent + NESTED_INDENT)] : blocksText([token], indent + NESTED_INDENT),
  );
  const head = `${indent}${marker} ${first.trimStart()}`;
  return [head, ...rest].join('\n');
}

function indentLines(text: string, indent: string): string {
  return indent === '' ? text : text.replace(/^/gm, indent);
}

function htmlText(html: string): string {
  return html.replace(HTML_COMMENT, '').replace(HTML_TAG, '');
}

/**
 * The text of inline tokens: emphasis, links and images reduced to their text, hard breaks as line breaks; the spaces
 * around a removed comment or tag become one, and lines lose the spaces at their ends.
 */
function inlineText(tokens: readonly Token[]): string {
  return inlineRun(tokens)
    .split('\n')
    .map((line) => line.trim().replace(/ {2,}/g, ' '))
    .join('\n');
}

function inlineRun(tokens: readonly Token[]): string {
  return tokens
    .map((token) => {
      switch (token.type) {
        case 'strong':
        case 'em':
        case 'del':
        case 'link':
          return inlineRun((token as Tokens.Strong | Tokens.Em | Tokens.Del | Tokens.Link).tokens);
        case 'image':
        case 'codespan':
        case 'escape':
          return (token as Tokens.Image | Tokens.Codespan | Tokens.Escape).text;
        case 'text': {
          const text = token as Tokens.Text;
          return text.tokens ? inlineRun(text.tokens) : text.text;
        }
        case 'br':
          return '\n';
        case 'html':
          return htmlText(token.raw);
        default:
          return 'text' in token && typeof token.text === 'string' ? token.text : '';
      }
    })
    .join('');
}

/** Whether a file named `name` is Markdown by its extension (.md, .markdown; any case). */
export function isMarkdownName(name: string): boolean {
  return /\.(?:md|markdown)$/i.test(name);
}
