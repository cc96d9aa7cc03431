import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';

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
