import { describe, expect, it } from 'vitest';
import { checkText } from '../summarize/validation';
import { wordCount } from '../summarize/tokens';
import { generateArticle } from './article';

describe('generateArticle', () => {
  it('writes exactly the asked number of words, the same text for the same seed', () => {
    const article = generateArticle(800);
    expect(article.split(/\s+/)).toHaveLength(800);
    expect(generateArticle(800)).toBe(article);
    expect(generateArticle(800, 7)).not.toBe(article);
  });

  it('is text the summarizer accepts, made of many sentences', () => {
    const check = checkText(generateArticle(800));
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.sentences.length).toBeGreaterThan(30);
    expect(wordCount(generateArticle(800))).toBeGreaterThan(700);
  });
});
