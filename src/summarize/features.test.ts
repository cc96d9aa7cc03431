import { describe, expect, it } from 'vitest';
import { documentFeatures, FEATURE_NAMES } from './features';
import { splitSentences } from './sentences';
import { summarizeExtractive } from './extractive';
import { buildTfidf, dotDense, sparseDot, toDense } from './tfidf';
import { seededRandom } from '../util/prng';

const feature = (name: (typeof FEATURE_NAMES)[number]) => FEATURE_NAMES.indexOf(name);

describe('documentFeatures', () => {
  const text = 'The river flooded the town. The town council met about the flood. Bakers sold bread.';
  const { rows, wordCounts } = documentFeatures(splitSentences(text));

  it('gives position, novelty and neighbour similarity per sentence', () => {
    expect(wordCounts).toEqual([5, 7, 3]);
    expect(rows.map((r) => r[feature('word_position')])).toEqual([0, 5 / 15, 12 / 15]);
    expect(rows.map((r) => r[feature('log_sentences')])).toEqual([Math.log(4), Math.log(4), Math.log(4)]);
    // Content words: river flooded town | town council met flood | bakers sold bread.
    expect(rows.map((r) => r[feature('novelty')])).toEqual([1, 3 / 4, 1]);
    expect(rows[0]![feature('similarity_to_previous')]).toBe(0);
    expect(rows[2]![feature('similarity_to_next')]).toBe(0);
    expect(rows[0]![feature('similarity_to_next')]).toBeCloseTo(rows[1]![feature('similarity_to_previous')]!, 12);
    expect(rows[0]![feature('similarity_to_next')]).toBeGreaterThan(0);
    expect(rows[1]![feature('similarity_to_next')]).toBe(0);
  });

  it('gives a finite value for every feature of any text (generated documents)', () => {
    const pieces = ['Rain', 'fell', '3', '1,200', '"', "''", '``', '?', '!', 'the', 'and', '(', 'pictured', ')', ':', 'said', '—', 'über'];
    const next = seededRandom(7);
    for (let doc = 0; doc < 60; doc++) {
      const sentences = Array.from({ length: 1 + Math.floor(next() * 8) }, () =>
        Array.from({ length: Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]).join(' ') + ' .',
      );
      const features = documentFeatures(splitSentences(sentences.join(' ')));
      for (const r of features.rows) {
        expect(r).toHaveLength(FEATURE_NAMES.length);
        for (const value of r) expect(Number.isFinite(value)).toBe(true);
      }
    }
  });
});

describe('sparseDot', () => {
  it('equals the dense dot product and leaves the scratch buffer zeroed', () => {
    const space = buildTfidf(['river town flood', 'town council flood flood', 'bread bakers', 'river bread']);
    const scratch = new Float64Array(space.vocabularySize);
    for (const a of space.vectors) {
      for (const b of space.vectors) {
        expect(sparseDot(a, b, scratch)).toBeCloseTo(dotDense(a, toDense(b, space.vocabularySize)), 12);
        expect(scratch.every((x) => x === 0)).toBe(true);
      }
    }
  });
});

describe('documentFeatures on the story, not its furniture', () => {
  it('counts the opening from the first punctuated sentence when a caption or byline comes first', () => {
    const text =
      'ニック・トリグル健康担当編集委員 英国で売られている900点近いヨーグルトを調べた。砂糖が多いものもあった。' +
      '専門家は注意を呼びかけている。調査は大学が主導した。';
    const units = splitSentences(text);
    expect(units[0]!.text).toBe('ニック・トリグル健康担当編集委員');
    const { rows } = documentFeatures(units);
    expect(rows.map((r) => r[feature('is_first')])).toEqual([0, 1, 0, 0, 0]);
    expect(rows.map((r) => r[feature('is_second')])).toEqual([0, 0, 1, 0, 0]);
    expect(rows[0]![feature('in_first_five')]).toBe(0);
    expect(rows[1]![feature('similarity_to_opening')]).toBeGreaterThan(rows[0]![feature('similarity_to_opening')]!);
  });

  it('keeps plain positions in text that is mostly unpunctuated (a transcript, a list)', () => {
    const text = 'Ana: we ship on Monday\nBo: the build is green\nAna: then we are done\nBo: great.';
    const { rows } = documentFeatures(splitSentences(text));
    expect(rows.map((r) => r[feature('is_first')])).toEqual([1, 0, 0, 0]);
  });

  it('reads the cues of Japanese sentences as it reads the English ones', () => {
    const units = splitSentences(
      '政府は新しい方針を決めた。「方針は正しい」と首相は述べた。しかし野党は反対している。なぜ今なのか？ 専門家によると影響は大きい。',
    );
    const { rows } = documentFeatures(units);
    const values = (name: (typeof FEATURE_NAMES)[number]) => rows.map((r) => r[feature(name)]);
    expect(values('starts_with_quote')).toEqual([0, 1, 0, 0, 0]);
    expect(values('has_quote')).toEqual([0, 1, 0, 0, 0]);
    expect(values('has_attribution')).toEqual([0, 1, 0, 0, 1]);
    expect(values('dangling_opener')).toEqual([0, 0, 1, 0, 0]);
    expect(values('is_question')).toEqual([0, 0, 0, 1, 0]);
  });
});

describe('documentFeatures on titles that hold sentence punctuation (generated)', () => {
  const body = [
    'The city council voted 7-2 on Tuesday night to build a seawall along the eastern waterfront.',
    'The project will be paid for with federal grants and a new stormwater fee of about $11 a month.',
    'Construction is expected to start in the spring of 2028 and take roughly nine years.',
    'Opponents argued that the wall would cut residents off from the harbor and its beaches.',
  ].join(' ');
  const japaneseBody = '30日朝から大雪となり、上越新幹線は運転を見合わせた。分岐器に雪が詰まったことが原因だという。約4時間後に運転を再開した。東京駅では多くの利用客が足止めされた。';
  const titles = [
    ['Harbor city approves $2.4 billion seawall after years of flooding', body],
    ['Port Ellis approves seawall, fee rises 3.5%', body],
    ['Will a seawall save Port Ellis?', body],
    ['Council OKs Seawall Plan for St. Ellis Harbor', body],
    ['# Release notes: version 4.2', body],
    ['# Why I Stopped Using 3.5 Monitors', body],
    ['大雪で新幹線が一時運転見合わせ　帰省客に影響', japaneseBody],
    ['新幹線3.5時間運転見合わせ', japaneseBody],
    ['2026年11月30日　筆者：田中', japaneseBody],
  ] as const;

  it('never counts the title as the opening and never lets a summary pick it while story sentences remain', () => {
    for (const [title, text] of titles) {
      for (const layout of [`${title}\n\n${text}`, `${title}\n\nBy Daniel Okafor, Staff Reporter\n\n${text}`]) {
        const units = splitSentences(layout);
        const { rows, skipped } = documentFeatures(units);
        expect(skipped[0], layout).toBe(1);
        expect(rows[0]![feature('is_first')], layout).toBe(0);
        const opening = units.findIndex((u) => u.text.startsWith(text.slice(0, 10)));
        expect(rows[opening]![feature('is_first')], layout).toBe(1);
        for (const length of ['short', 'medium', 'long', { sentences: 3 }] as const) {
          const { summary, selected } = summarizeExtractive(layout, length);
          expect(selected, layout).not.toContain(0);
          expect(summary.startsWith(title.slice(0, 8)), layout).toBe(false);
        }
      }
    }
  });

  it('never picks a Markdown heading over list items, whatever it holds', () => {
    const notes = '# Release notes: version 4.2\n\n- Export to PDF from every page\n- Dark mode for the whole editor\n\n## Known issues\n\n- Export may cut very wide tables\n- Search is slow in large folders';
    const units = splitSentences(notes);
    const { skipped } = documentFeatures(units);
    expect(units.filter((_, i) => skipped[i]).map((u) => u.text)).toEqual(['# Release notes: version 4.2', '## Known issues']);
    expect(summarizeExtractive(notes, { sentences: 3 }).summary).not.toMatch(/#/);
  });
});
