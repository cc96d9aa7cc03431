import { describe, expect, it } from 'vitest';
import { inJapanese } from '../../i18n/testing/in-japanese';
import { compressionLabel, countLabel, durationLabel, highlightPieces } from './result-facts';
import { draftNotKept, loadDraft, saveDraft } from './draft-store';
import { readerCounts } from './reader-counts';

describe('result facts', () => {
  it('counts words and characters', () => {
    expect(countLabel(readerCounts('One two, three.'))).toBe('3 words · 15 characters');
    expect(countLabel(readerCounts(''))).toBe('0 words · 0 characters');
    expect(countLabel(readerCounts('🙂'))).toBe('0 words · 1 character');
  });

  it('says "word" and "character" for exactly one, and groups thousands', () => {
    for (const [words, characters, label] of [
      [1, 1, '1 word · 1 character'],
      [1, 2, '1 word · 2 characters'],
      [2, 1, '2 words · 1 character'],
      [1234, 1234567, '1,234 words · 1,234,567 characters'],
    ] as const) {
      expect(countLabel({ words, characters })).toBe(label);
    }
  });

  it('counts Japanese words by dictionary segmentation, not by spaces', () => {
    // 東京|都|は|新しい|図書館|を|開く|と|発表|した ・ 本|が|並ぶ
    expect(countLabel(readerCounts('東京都は新しい図書館を開くと発表した。本が並ぶ。'))).toBe('13 words · 24 characters');
    expect(compressionLabel('東京都は新しい図書館を開くと発表した。本が並ぶ。', '本が並ぶ。')).toBe('3 of 13 words (23%)');
  });

  it('states the compression as words kept, as a reader counts them', () => {
    expect(compressionLabel('a b c d e f g h i j', 'a b')).toBe('2 of 10 words (20%)');
    expect(compressionLabel("Don't panic: it's 3.5 km to the U.S. border. Really.", "Don't panic: it's 3.5 km to the U.S. border.")).toBe('9 of 10 words (90%)');
  });

  it('never says 0% for a summary that has words, however long the text', () => {
    for (const sourceWords of [201, 1_000, 12_345, 653_815, 5_000_000]) {
      for (const summaryWords of [1, 2, 60]) {
        if (summaryWords / sourceWords >= 0.005) continue;
        const label = compressionLabel(`w `.repeat(sourceWords), 'w '.repeat(summaryWords));
        expect(label, `${summaryWords} of ${sourceWords}`).toMatch(/\(< 1%\)$/);
      }
    }
    expect(compressionLabel('a b c d e f g h i j', '')).toBe('0 of 10 words (0%)');
  });

  it('formats durations', () => {
    expect(durationLabel(0.4)).toBe('< 1 ms');
    expect(durationLabel(12.3)).toBe('12 ms');
    expect(durationLabel(2345)).toBe('2.3 s');
  });

  it('speaks Japanese when the interface does: counts, compression and grouped numbers', async () => {
    await inJapanese(() => {
      for (const [words, characters, label] of [
        [120, 480, '120 語・480 文字'],
        [1, 1, '1 語・1 文字'],
        [12345, 67890, '12,345 語・67,890 文字'],
      ] as const) {
        expect(countLabel({ words, characters })).toBe(label);
      }
      expect(compressionLabel('a b c d e f g h i j', 'a b')).toBe('10 語中 2 語（20%）');
      expect(durationLabel(2345)).toBe('2.3 s');
    });
  });

  it('cuts the source into plain and chosen pieces that rebuild it exactly', () => {
    const source = 'First. Second. Third.';
    const spans = [{ start: 0, end: 6 }, { start: 7, end: 14 }, { start: 15, end: 21 }];
    const pieces = highlightPieces(source, spans, [0, 2]);
    expect(pieces).toEqual([
      { text: 'First.', chosen: true },
      { text: ' Second. ', chosen: false },
      { text: 'Third.', chosen: true },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(source);
  });
});

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  constructor(private readonly quota = Infinity) {}
  get length() { return this.items.size; }
  clear() { this.items.clear(); }
  getItem(key: string) { return this.items.get(key) ?? null; }
  key(i: number) { return [...this.items.keys()][i] ?? null; }
  removeItem(key: string) { this.items.delete(key); }
  setItem(key: string, value: string) {
    if (value.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
}

describe('draft store', () => {
  it('keeps the draft across loads and forgets an empty one', () => {
    const storage = new MemoryStorage();
    expect(saveDraft('my text', storage)).toBe(true);
    expect(loadDraft(storage)).toBe('my text');
    saveDraft('', storage);
    expect(loadDraft(storage)).toBe('');
  });

  it('reports a draft too large to keep', () => {
    expect(saveDraft('x'.repeat(20), new MemoryStorage(10))).toBe(false);
  });

  it('keeps the earlier draft when a later one is too large, and remembers that it did until a save succeeds', () => {
    const storage = new MemoryStorage(100);
    saveDraft('earlier text', storage);
    expect(draftNotKept(storage)).toBeUndefined();
    expect(saveDraft('é'.repeat(150), storage)).toBe(false);
    // A reload offers the earlier text and knows the last one (300 bytes of UTF-8) was not kept.
    expect(loadDraft(storage)).toBe('earlier text');
    expect(draftNotKept(storage)).toEqual({ bytes: 300 });
    expect(saveDraft('earlier text, edited', storage)).toBe(true);
    expect(draftNotKept(storage)).toBeUndefined();
  });
});
