import { describe, expect, it } from 'vitest';
import { seededRandom } from '../util/prng';
import { summarizeExtractive } from './extractive';
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
      'First paragraph line one still the same sentence.',
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

describe('splitSentences on very many lines', () => {
  it('splits a block of 160,000 short lines, and one that opens with a short question, without running out of stack', () => {
    const lines = Array.from({ length: 160_000 }, (_, i) => `Entry ${i} was filed.`);
    expect(splitSentences(lines.join('\n')).length).toBeGreaterThanOrEqual(160_000);
    expect(splitSentences(['Why now?', ...lines].join('\n')).length).toBeGreaterThanOrEqual(160_000);
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

  it('ends a Japanese or Chinese sentence at 。！？ before a digit (a date, a count), but not a full-width decimal ３．５', () => {
    const random = seededRandom(31);
    const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    for (let k = 0; k < 100; k++) {
      const first = pick(['積雪は85センチに達した', '市は新しい計画を発表した', '会議は午後に終わった', '雨が一日中降った']) + pick(['。', '！', '？']);
      const second = pick(['31日', '2026年', '３月', '15人']) + pick(['にかけても雪が続く見込みだ。', 'に再び会合が開かれる。', 'が参加した。']);
      expect(texts(first + second)).toEqual([first, second]);
    }
    expect(texts('成長率は３．５％だった。')).toEqual(['成長率は３．５％だった。']);
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
      expect(texts(lines.join('\n'))).toEqual(sentences);
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
        // The text is the span with its line breaks joined: the same characters, no line break.
        expect(unit.text).not.toMatch(/\n/);
        expect(unit.text.replace(/\s/g, '')).toBe(text.slice(unit.start, unit.end).replace(/\s/g, ''));
        expect(text.slice(unit.start, unit.end)).toBe(text.slice(unit.start, unit.end).trim());
        expect(unit.start).toBeGreaterThanOrEqual(at);
        expect(text.slice(at, unit.start).trim()).toBe('');
        at = unit.end;
      }
      expect(text.slice(at).trim()).toBe('');
    }
  });
});

describe('splitSentences: titles, wrapped lines, mixed scripts and abbreviations (generated)', () => {
  const random = seededRandom(23);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const englishBody = [
    'The city council voted 7-2 on Tuesday night to build a seawall along the eastern waterfront, ending a decade of debate.',
    'The project will be paid for with federal grants and a new stormwater fee that adds about $11 a month to bills.',
    'Construction is expected to start in the spring of 2028 and take roughly nine years to finish.',
  ].join(' ');
  const japaneseBody =
    '30日朝から日本海側を中心に大雪となり、上越新幹線は午前7時ごろから運転を見合わせた。JR東日本によると、分岐器に雪が詰まったことが原因だという。約4時間後に運転を再開した。';
  // Titles, headlines, bylines and headings that hold sentence punctuation inside, end with "?", or hold a wide space.
  const englishTitles = () => [
    `Harbor city approves $${1 + Math.floor(random() * 9)}.${Math.floor(random() * 10)} billion seawall`,
    `Port Ellis approves seawall, fee rises ${Math.floor(random() * 9)}.${Math.floor(random() * 10)}%`,
    `Council OKs Seawall Plan for ${pick(['St.', 'Mt.', 'Ft.'])} Ellis Harbor`,
    `${pick(['U.S.', 'U.K.'])} city approves seawall after years of flooding`,
    `${pick(['Will', 'Can', 'Should'])} a seawall save Port Ellis?`,
    `By Daniel Okafor, Nov. ${1 + Math.floor(random() * 28)}, 2026`,
  ];
  const markdownTitles = () => [
    `# Release notes: version ${Math.floor(random() * 9)}.${Math.floor(random() * 10)}`,
    `## Known issues`,
    `# Do you really need ${pick(['three', 'two'])} monitors?`,
    `### Why I stopped using ${Math.floor(random() * 4)}.5 monitors. A story`,
  ];
  const japaneseTitles = () => [
    `大雪で新幹線が一時運転見合わせ　帰省客に影響`,
    `新幹線${1 + Math.floor(random() * 9)}.${Math.floor(random() * 10)}時間運転見合わせ`,
    `2026年11月${1 + Math.floor(random() * 29)}日　筆者：${pick(['田中', '佐藤', '鈴木'])}`,
    `新幹線はなぜ止まったのか？`,
  ];

  it('makes a title, headline, byline or heading on a line of its own one unit that keeps its line', () => {
    for (let trial = 0; trial < 60; trial++) {
      const cases: [string, string][] = [
        ...englishTitles().map((t): [string, string] => [t, englishBody]),
        ...markdownTitles().map((t): [string, string] => [t, englishBody]),
        ...japaneseTitles().map((t): [string, string] => [t, japaneseBody]),
      ];
      for (const [title, body] of cases) {
        // Set apart by a blank line, or running straight into the text (not for a question: a prose line may end so).
        const separators = title.startsWith('#') || !title.endsWith('?') ? ['\n\n', '\n'] : ['\n\n'];
        const source = `${title}${pick(separators)}${body}`;
        const units = splitSentences(source);
        expect(units[0], source).toMatchObject({ text: title, start: 0, end: title.length, ownLine: true, heading: true });
        expect(units.slice(1).some((u) => u.heading), source).toBe(false);
        expect(joinSentences(units.slice(0, 2)), source).toBe(`${title}\n${units[1]!.text}`);
      }
    }
  });

  it('keeps a question that ends a paragraph in the story, and a short question line after prose in it', () => {
    for (const question of ['Will a seawall save Port Ellis?', 'Who pays for it?']) {
      const units = splitSentences(`${englishBody}\n\n${question}\n\n${englishBody}`);
      expect(units.find((u) => u.text === question)?.heading).toBeUndefined();
      expect(splitSentences(`${englishBody} ${question}`).at(-1)).toEqual(expect.not.objectContaining({ heading: true }));
    }
  });

  it('joins hard-wrapped lines as the language writes them and keeps spans on the source (any wrap width)', () => {
    const english = ['As you know, we are moving to the new office at 14 Canal Street next Friday.', 'Please pack your desks by Thursday at 5 pm.', 'Boxes and labels are in the kitchen; write your name on each box.'];
    const japanese = ['JR東日本によると、線路の分岐器に雪が詰まったことが原因で、約4時間後に運転を再開した。', '年末の帰省ラッシュと重なり、東京駅では多くの利用客が足止めされた。', '東京都の男性は「実家に早く帰りたかったが、仕方がない。安全が一番だ」と話した。'];
    const wrap = (text: string, width: number, atSpaces: boolean) => {
      if (!atSpaces) return [...text].map((ch, k) => (k > 0 && k % width === 0 ? `\n${ch}` : ch)).join('');
      return text.replace(new RegExp(`(.{1,${width}})( |$)`, 'g'), (_, line: string) => `${line}\n`).trimEnd();
    };
    for (let trial = 0; trial < 100; trial++) {
      for (const [sentences, atSpaces] of [[english, true], [japanese, false]] as const) {
        const source = wrap(sentences.join(atSpaces ? ' ' : ''), 12 + Math.floor(random() * 40), atSpaces);
        const units = splitSentences(source);
        expect(units.map((u) => u.text), source).toEqual(sentences);
        for (const u of units) expect(source.slice(u.start, u.end).replace(/\n/g, atSpaces ? ' ' : '')).toBe(u.text);
        expect(joinSentences(units)).toBe(sentences.join(atSpaces ? ' ' : ''));
      }
    }
    // A wrapped list item is one line of the summary, and keeps its own line.
    const list = splitSentences('- Export to PDF may cut very\n  wide tables.\n- Dark mode\n  arrives.');
    expect(joinSentences(list)).toBe('- Export to PDF may cut very wide tables.\n- Dark mode arrives.');
  });

  it('keeps a Latin sentence quoted inside Japanese or Chinese text in its sentence', () => {
    const quotes: [string, string][] = [['"', '"'], ['“', '”'], ["'", "'"], ['「', '」'], ['', '']];
    const english = ['This is our best model for non-English languages', 'We will ship it in the U.S. first', 'Is it ready', 'It works'];
    const verbs = ['と述べた。', 'と話した。', 'と強调した。', '说。'];
    for (let trial = 0; trial < 200; trial++) {
      const [open, close] = pick(quotes);
      // Japanese writes no space around 「」; around Latin quotes it may.
      const space = () => (open === '「' ? '' : pick([' ', '', '　']));
      const first = `CEOのSam Altman氏は記者会見で${space()}${open}${pick(english)}${pick(['.', '!', '?'])}${close}${space()}${pick(verbs)}`;
      const text = `米OpenAIは12日、新モデルを発表した。${first}日本企業も導入を表明している。`;
      expect(texts(text), text).toEqual(['米OpenAIは12日、新モデルを発表した。', first, '日本企業も導入を表明している。']);
    }
    for (const abbreviation of ['Apple Inc.', 'U.S.', 'Acme Corp.', 'Dr. Smith', 'J. Doe']) {
      expect(texts(`米${abbreviation} は12日、新製品を発表した。価格は未定だ。`)).toHaveLength(2);
      expect(texts(`米${abbreviation}は12日、新製品を発表した。価格は未定だ。`)).toHaveLength(2);
    }
    // A line break after the Latin sentence still ends it; a Latin "!" after Japanese text still ends a sentence.
    expect(texts('彼はこう書いた。\nThis is our best model.\n新モデルは来月提供される。')).toHaveLength(3);
    expect(texts('楽しかった!また行きたい。')).toEqual(['楽しかった!', 'また行きたい。']);
    // In English text the rule does not apply: a Latin sentence before a Japanese one ends there.
    expect(texts('We met in Tokyo today. 東京 is a big city and we liked it.')).toHaveLength(2);
  });

  it('ends a sentence after a.m./p.m. before a capitalised word, unless the word completes the time', () => {
    const seconds = ['Please bring the budget draft.', 'Tickets cost $10.', 'Coffee will be provided.', 'Doors open early.', 'Everyone is welcome.', 'The hall is on Main Street.', 'Bring a friend.'];
    const complements = ['Friday', 'Monday', 'EST', 'ET', 'Eastern', 'Pacific', 'GMT', 'June'];
    for (let trial = 0; trial < 200; trial++) {
      const time = `${1 + Math.floor(random() * 12)} ${pick(['a.m.', 'p.m.', 'A.M.', 'P.M.'])}`;
      const first = `The meeting has been moved to Thursday at ${time}`;
      const second = pick(seconds);
      expect(texts(`${first} ${second} It ends at noon.`)).toEqual([first, second, 'It ends at noon.']);
      const one = `The meeting starts at ${time} ${pick(complements)} in the main hall.`;
      expect(texts(`${one} It ends at noon.`)).toEqual([one, 'It ends at noon.']);
    }
  });

  it('keeps "No. 5", "Fig. 3", "ext. 7" with their number, and ends the sentence after the number', () => {
    for (let trial = 0; trial < 200; trial++) {
      const reference = `${pick(['No.', 'no.', 'Fig.', 'fig.', 'ext.', 'Vol.', 'pp.', 'p.'])} ${1 + Math.floor(random() * 300)}`;
      const first = `${pick(['Call me at 555-1234', 'See the chart in', 'The answer is in', 'It was filed as'])} ${reference}.`;
      const second = pick(['I am in all day.', 'It shows the trend.', 'Thanks for asking.', 'We will talk later.']);
      expect(texts(`${first} ${second}`)).toEqual([first, second]);
      const inside = `As ${reference} shows, the trend is up.`;
      expect(texts(`${inside} ${second}`)).toEqual([inside, second]);
    }
  });
});

describe('splitSentences: a dateline opening a story (generated)', () => {
  const random = seededRandom(5);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;

  it('sets apart the dateline before the story’s first sentence as a heading unit', () => {
    const places = ['PORT ELLIS', 'HAMBURG', 'ST. LOUIS', 'NEW YORK', "O'HARE", 'WASHINGTON'];
    const middles = ['', ', Germany', ', Germany, Nov. 12, 2026 /PRNewswire/', ', Mo.', ', Ga.', ' (AP)', ', Nov. 3 (Reuters)'];
    const chinese = ['本报讯', '本报讯（记者 王磊）', '新华社北京11月30日电', '新华社北京11月30日电（记者 李华）', '中新网11月30日电'];
    for (let trial = 0; trial < 100; trial++) {
      const dateline = `${pick(places)}${pick(middles)} ${pick(['—', '–', '--', '-'])}`;
      const story = 'The city council voted 7-2 on Tuesday night to build a seawall. Construction starts in 2028.';
      const title = pick(['', 'Harbor city approves $2.4 billion seawall\n\n', 'By Daniel Okafor\n']);
      const units = splitSentences(`${title}${dateline} ${story}`);
      const at = units.findIndex((u) => u.text === dateline);
      expect(units[at], dateline).toMatchObject({ heading: true, ownLine: true });
      expect(units[at + 1]!.text).toBe('The city council voted 7-2 on Tuesday night to build a seawall.');
      const { summary } = summarizeExtractive(`${title}${dateline} ${story}`, { sentences: 1 });
      expect(summary).toBe('The city council voted 7-2 on Tuesday night to build a seawall.');
      const agency = pick(chinese);
      expect(texts(`${agency}今天天气很好。我们去公园散步吧！`)).toEqual([agency, '今天天气很好。', '我们去公园散步吧！']);
    }
    expect(texts('【ワシントン＝共同】米政府は12日、新しい方針を発表した。')).toEqual(['【ワシントン＝共同】', '米政府は12日、新しい方針を発表した。']);
  });

  it('leaves text that only looks like a dateline, or one past the story’s start, in its sentence', () => {
    for (const text of ['NASA — the space agency — said it would launch. It did.', 'I — We went home. It rained.', 'It rained. PORT ELLIS — The council met.', '- PORT ELLIS — The council met on Monday to vote on it.']) {
      expect(splitSentences(text).some((u) => u.heading), text).toBe(false);
    }
    // A full stop before a spaced dash still ends a sentence outside a dateline (PTB lists, prose).
    expect(texts('It has these aims : . - To identify talent . - To encourage research .')).toHaveLength(3);
    expect(texts('He came home. - Then he left.')).toEqual(['He came home.', '- Then he left.']);
  });
});
