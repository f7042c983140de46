// The wording helpers: counted nouns, lists and articles, as the screens use them.
import { describe, expect, it } from 'vitest';
import { listAnd, plural, withArticle } from '../../src/renderer/src/lib/wording.ts';

describe('wording', () => {
  it('counts nouns in the singular for one and the plural otherwise', () => {
    expect(plural(1, 'candidate')).toBe('1 candidate');
    expect(plural(0, 'candidate')).toBe('0 candidates');
    expect(plural(3, 'candidate')).toBe('3 candidates');
    expect(plural(2, 'more row is', 'more rows are')).toBe('2 more rows are');
    expect(plural(1, 'more row is', 'more rows are')).toBe('1 more row is');
  });

  it('joins lists with commas and a final "and"', () => {
    expect(listAnd([])).toBe('');
    expect(listAnd(['the Lever API key'])).toBe('the Lever API key');
    expect(listAnd(['the Lever API key', 'the ChartHop org'])).toBe('the Lever API key and the ChartHop org');
    expect(listAnd(['the Lever API key', 'the ChartHop API token', 'the ChartHop org'])).toBe('the Lever API key, the ChartHop API token and the ChartHop org');
  });

  it('puts "a" or "an" by sound, not only by letter', () => {
    expect(withArticle('employment type mapping')).toBe('an employment type mapping');
    expect(withArticle('department mapping')).toBe('a department mapping');
    expect(withArticle('user mapping')).toBe('a user mapping');
    expect(withArticle('location mapping')).toBe('a location mapping');
    expect(withArticle('org')).toBe('an org');
    expect(withArticle('hour')).toBe('an hour');
    expect(withArticle('unmapped value')).toBe('an unmapped value');
  });
});
