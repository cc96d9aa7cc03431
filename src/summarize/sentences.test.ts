import { describe, expect, it } from 'vitest';
import { seededRandom } from '../util/prng';
import { joinSentences, splitSentences } from './sentences';

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  it('splits ordinary prose and keeps abbreviations, initials and decimals inside sentences', () => {
    expect(texts('Mr. Smith met Dr. Jones at 3.5 p.m. on Friday. John F. Kennedy was there! Was it fun? Yes.')).toEqual([
      'Mr. Smith met Dr. Jones at 3.5 p.m. on Friday.',
      'John F. Kennedy was there!',
      'Was it fun?',
      'Yes.',
    ]);
  });

  it('splits PTB-tokenized news, keeping closing quotes with their sentence', () => {
    const ptb =
      "Merson put on Twitter . 'Just been watching the game , ' he said . '' It was great . '' " +
      "He wrote that 'if he can get in then it opens it up to anybody . ' Paul Merson had another dig ? " +
      "Bolt will run for the team . ' I 'm happy to be part of the team , ' said Bolt . Any bad feeling passed .";
    expect(texts(ptb)).toEqual([
      'Merson put on Twitter .',
      "'Just been watching the game , ' he said . ''",
      "It was great . ''",
      "He wrote that 'if he can get in then it opens it up to anybody . '",
      'Paul Merson had another dig ?',
      'Bolt will run for the team .',
      "' I 'm happy to be part of the team , ' said Bolt .",
      'Any bad feeling passed .',
    ]);
  });

  it('does not split before a lower-case continuation', () => {
    expect(texts('He left at 5 p.m. and came back later. The end.')).toHaveLength(2);
  });

  it('treats blank lines, headings and list items as boundaries even without punctuation', () => {
    expect(texts('# Title\nFirst paragraph line one\nstill the same sentence.\n\n- item one\n- item two')).toEqual([
      '# Title',
      'First paragraph line one\nstill the same sentence.',
      '- item one',
      '- item two',
    ]);
  });

  it('records where each sentence is in the source', () => {
    const source = '  First one.   Second one!  ';
    for (const s of splitSentences(source)) expect(source.slice(s.start, s.end)).toBe(s.text);
    expect(splitSentences(source).map((s) => s.start)).toEqual([2, 15]);
  });

  it('returns nothing for whitespace', () => {
    expect(splitSentences(' \n\t ')).toEqual([]);
  });
});

describe('splitSentences in other scripts and layouts', () => {
  it('ends Japanese sentences at 。！？ without a space after them and keeps 「…。…」 quotes whole', () => {
    expect(texts('東京は晴れです。大阪は雨でした！明日はどうなるでしょうか？彼は「今日は暑い。明日も暑い」と言った。')).toEqual([
      '東京は晴れです。',
      '大阪は雨でした！',
      '明日はどうなるでしょうか？',
      '彼は「今日は暑い。明日も暑い」と言った。',
    ]);
  });

  it('ends Chinese sentences, keeping a closing quote with its sentence', () => {
    expect(texts('今天天气很好。我们去公园散步吧！你觉得怎么样？他说：“好的。”然后我们出发了。')).toEqual([
      '今天天气很好。',
      '我们去公园散步吧！',
      '你觉得怎么样？',
      '他说：“好的。”',
      '然后我们出发了。',
    ]);
  });

  it('treats a space between CJK or Thai letters as a break (a heading or caption that lost its line)', () => {
    expect(texts('入植地は違法ではない 米政府が方針転換した。国際社会は反発した。')).toEqual([
      '入植地は違法ではない',
      '米政府が方針転換した。',
      '国際社会は反発した。',
    ]);
    expect(texts('ฉันไปตลาดเมื่อวานนี้ ซื้อผลไม้มาหลายอย่าง แม่บอกว่าอร่อยมาก')).toHaveLength(3);
    // Between Japanese and a Latin word a space is ordinary spacing.
    expect(texts('今日はBBC News の記事を読んだ。')).toHaveLength(1);
  });

  it('keeps a Japanese sentence whole when a space follows its subject or a particle', () => {
    expect(texts('トヨタ自動車は 三日、新型の EV を発表した。航続距離は六百キロだという。専門家は 価格競争が激しくなると見ている。')).toEqual([
      'トヨタ自動車は 三日、新型の EV を発表した。',
      '航続距離は六百キロだという。',
      '専門家は 価格競争が激しくなると見ている。',
    ]);
  });

  it('never ends a unit at a space after a Japanese particle, comma or short subject (generated)', () => {
    const random = seededRandom(11);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const subjects = ['トヨタ自動車', '専門家', '田中', '東京都', '政府', '日本銀行', '首相', '研究チーム'];
    const openers = ['は', 'が', 'を', 'に', 'で', 'と', 'も', 'の', '、', ''];
    const rests = ['三日、新型車を発表した。', '価格競争が激しくなると見ている。', '来月から値上げする。', '「問題はない」と述べた。', '2019年に設立された。'];
    for (let trial = 0; trial < 200; trial++) {
      const opener = pick(openers);
      const subject = opener === '' ? pick(subjects.filter((s) => s.length < 6)) : pick(subjects);
      const sentence = `${subject}${opener}${pick([' ', '　', '  '])}${pick(rests)}`;
      expect(texts(`前の文です。${sentence}次の文です。`)).toEqual(['前の文です。', sentence, '次の文です。']);
    }
  });

  it('keeps each line of an unpunctuated Japanese transcript whole, speaker name included, and joins lines with newlines', () => {
    const lines = [
      '田中 それでは会議を始めます',
      '佐藤 先月の売上は前年より一割増えました',
      '田中 新製品の反応はどうですか',
      '鈴木 若い人に好評で追加の注文も来ています',
      '佐藤 ただ部品の値上がりが心配です',
      '田中 来週までに対策をまとめてください',
      '鈴木 わかりました',
    ];
    const units = splitSentences(lines.join('\n'));
    expect(units.map((u) => u.text)).toEqual(lines);
    expect(units.every((u) => u.ownLine)).toBe(true);
    expect(joinSentences([units[0]!, units[1]!])).toBe(`${lines[0]}\n${lines[1]}`);
    // Thai lines still split at the spaces between their sentences.
    expect(texts('ฉันไปตลาดเมื่อวานนี้ ซื้อผลไม้มาหลายอย่าง\nแม่บอกว่าอร่อยมาก')).toHaveLength(3);
  });

  it('splits other scripts at their own sentence marks (danda, Cyrillic prose)', () => {
    expect(texts('यह पहला वाक्य है। यह दूसरा वाक्य है।')).toHaveLength(2);
    expect(texts('Привет. Как дела? Всё хорошо.')).toEqual(['Привет.', 'Как дела?', 'Всё хорошо.']);
  });

  it('makes each line a unit of a transcript without punctuation', () => {
    const transcript = 'ok so the release is friday\nwe still need the migration tested\nanna can take that\nthen we ship';
    const units = splitSentences(transcript);
    expect(units.map((u) => u.text)).toEqual(transcript.split('\n'));
    expect(units.every((u) => u.ownLine)).toBe(true);
    expect(texts('Anna: we ship on friday\nBen: tests first. Then the notes\nAnna: fine')).toEqual([
      'Anna: we ship on friday',
      'Ben: tests first.',
      'Then the notes',
      'Anna: fine',
    ]);
  });

  it('ends a sentence after an abbreviation when a capitalised function word follows', () => {
    expect(texts('He built the plant in the U.S. The factory opened in May. The U.S. Army helped.')).toEqual([
      'He built the plant in the U.S.',
      'The factory opened in May.',
      'The U.S. Army helped.',
    ]);
    expect(texts('Dr. Smith came at 3 p.m. Friday. Apple Inc. It grew. St. The')).toEqual(['Dr. Smith came at 3 p.m. Friday.', 'Apple Inc.', 'It grew.', 'St. The']);
  });

  it('keeps Markdown list items whole, with their markers, on their own lines', () => {
    const markdown = '# Release notes\n\nWe shipped a lot.\n\n1. Migrated the database. It took a week.\n2. Cut build time\n\n- Fixed login\n* Removed the old API';
    const units = splitSentences(markdown);
    expect(units.map((u) => u.text)).toEqual([
      '# Release notes',
      'We shipped a lot.',
      '1. Migrated the database. It took a week.',
      '2. Cut build time',
      '- Fixed login',
      '* Removed the old API',
    ]);
    expect(units.map((u) => Boolean(u.ownLine))).toEqual([true, false, true, true, true, true]);
    expect(joinSentences([units[1]!, units[3]!, units[4]!])).toBe('We shipped a lot.\n2. Cut build time\n- Fixed login');
  });

  it('keeps a title without sentence punctuation on its own line, so it never runs into the next sentence', () => {
    const units = splitSentences('A Study of Column Layouts\n\nThe evaluation used ten documents. It found few errors.');
    expect(units.map((u) => u.text)).toEqual(['A Study of Column Layouts', 'The evaluation used ten documents.', 'It found few errors.']);
    expect(joinSentences(units)).toBe('A Study of Column Layouts\nThe evaluation used ten documents. It found few errors.');
  });

  it('sets apart a title, byline or caption line that runs straight into the text, in any script', () => {
    expect(texts('Storm closes schools across the region\nBy Maria Lopez, Weather Correspondent\nHeavy snow forced more than 300 schools to close on Tuesday. Roads froze.')).toEqual([
      'Storm closes schools across the region',
      'By Maria Lopez, Weather Correspondent',
      'Heavy snow forced more than 300 schools to close on Tuesday.',
      'Roads froze.',
    ]);
    expect(texts('大雪で学校300校が休校\n【記者：山田花子】\n大雪の影響で、県内の学校300校が休校となった。交通機関も乱れた。')).toEqual([
      '大雪で学校300校が休校',
      '【記者：山田花子】',
      '大雪の影響で、県内の学校300校が休校となった。',
      '交通機関も乱れた。',
    ]);
    expect(splitSentences('市立図書館、夜10時まで開館へ\n市議会は20日、市立図書館の開館時間を夜10時まで延ばす予算案を可決した。')[0]).toMatchObject({ text: '市立図書館、夜10時まで開館へ', ownLine: true });
  });

  it('never cuts hard-wrapped prose at its line ends, at any wrap width (generated)', () => {
    const random = seededRandom(11);
    const vocabulary = ['the', 'council', 'approved', 'a', 'larger', 'budget', 'for', 'Library', 'hours', 'in', 'May', 'and', 'residents', 'welcomed', 'plan', 'extended', 'after', 'long', 'debate', 'on', 'Monday'];
    for (let trial = 0; trial < 200; trial++) {
      const sentences = Array.from({ length: 2 + Math.floor(random() * 4) }, () => {
        const words = Array.from({ length: 8 + Math.floor(random() * 25) }, () => vocabulary[Math.floor(random() * vocabulary.length)]!);
        return `${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}.`;
      });
      const width = 40 + Math.floor(random() * 41);
      const lines: string[] = [];
      let line = '';
      for (const word of sentences.join(' ').split(' ')) {
        if (line && line.length + 1 + word.length > width) {
          lines.push(line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      lines.push(line);
      expect(texts(lines.join('\n')).map((unit) => unit.replace(/\n/g, ' '))).toEqual(sentences);
    }
  });

  it('splits a long text that merely starts with a list marker into sentences, the marker staying with the first', () => {
    const article = `1. ${'The council met again on Monday to discuss the library budget and the opening hours. '.repeat(8)}`;
    const units = texts(article);
    expect(units).toHaveLength(8);
    expect(units[0]).toMatch(/^1\. The council met/);
  });

  it('joins CJK sentences without a space and other sentences with one', () => {
    expect(joinSentences(splitSentences('東京は晴れです。大阪は雨でした。'))).toBe('東京は晴れです。大阪は雨でした。');
    expect(joinSentences(splitSentences('One here.\nTwo there.'))).toBe('One here. Two there.');
    expect(joinSentences(splitSentences('雪の影響が続く見込みだ。JR東日本は運転を見合わせた。'))).toBe('雪の影響が続く見込みだ。JR東日本は運転を見合わせた。');
    expect(joinSentences(splitSentences('「暑い。」Tokyo is hot.'))).toBe('「暑い。」Tokyo is hot.');
  });

  it('keeps the space after a CJK caption or heading that has no sentence punctuation, whichever units are chosen', () => {
    const caption = '（左から）メンバーのアンディさん、リーフィアンさん';
    const units = splitSentences(`${caption} インドネシアでは現在、警報がなかった。「大丈夫です。」と話した。被害は大きい。`);
    expect(units.map((u) => u.text)[0]).toBe(caption);
    expect(joinSentences([units[0]!, units[2]!])).toBe(`${caption} 「大丈夫です。」と話した。`);
    expect(joinSentences([units[2]!, units[3]!])).toBe('「大丈夫です。」と話した。被害は大きい。');
    expect(joinSentences(splitSentences('「暑い。」次は雨。'))).toBe('「暑い。」次は雨。');
  });

  it('covers the text in order with non-empty units, whatever the mix of scripts (generated)', () => {
    const random = seededRandom(7);
    const pieces = [
      'The council met on Monday.', 'It voted in the U.S. Senate .', "`` Yes , '' he said .", '東京は晴れです。', '「暑い。寒い」と言った。',
      '今天天气很好！', 'ฉันไปตลาด', 'Привет, мир?', 'यह वाक्य है।', '- a list item', '1. first', '# Heading', 'no punctuation here',
      '（注）', '「', '」', '...', '  ', '\n', '\n\n', '\t', 'x', '。', '3.5', 'e.g. this',
    ];
    for (let trial = 0; trial < 300; trial++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 25) }, () => pieces[Math.floor(random() * pieces.length)]!)
        .join(random() < 0.5 ? ' ' : '');
      const units = splitSentences(text);
      let at = 0;
      for (const unit of units) {
        expect(unit.text.trim()).not.toBe('');
        expect(unit.text).toBe(text.slice(unit.start, unit.end));
        expect(unit.start).toBeGreaterThanOrEqual(at);
        expect(text.slice(at, unit.start).trim()).toBe('');
        at = unit.end;
      }
      expect(text.slice(at).trim()).toBe('');
    }
  });
});
