// How a configured API root, a path and a query become the URL that is called: extra trailing
// slashes on the root (as typed into settings) are dropped, a path without a leading slash still
// gets one, and the `?` appears only when there is a query.
import { describe, expect, it } from 'vitest';
import { buildUrl } from '../../../src/main/core/http/query.ts';

describe('building a request URL', () => {
  it('drops every trailing slash of the API root', () => {
    expect(buildUrl('https://api.lever.co/v1//', '/postings')).toBe('https://api.lever.co/v1/postings');
    expect(buildUrl('https://api.lever.co/v1/', '/postings')).toBe('https://api.lever.co/v1/postings');
  });

  it('puts a slash between the root and a path written without one', () => {
    expect(buildUrl('https://api.lever.co/v1', 'postings')).toBe('https://api.lever.co/v1/postings');
    expect(buildUrl('https://api.lever.co/v1', '/postings')).toBe('https://api.lever.co/v1/postings');
  });

  it('adds the query after a question mark, and no question mark without one', () => {
    expect(buildUrl('https://api.lever.co/v1', '/postings', { limit: 100, expand: ['owner', 'user'] })).toBe(
      'https://api.lever.co/v1/postings?limit=100&expand=owner&expand=user',
    );
    expect(buildUrl('https://api.lever.co/v1', '/postings', { offset: undefined })).toBe('https://api.lever.co/v1/postings');
    expect(buildUrl('https://api.lever.co/v1', '/postings')).toBe('https://api.lever.co/v1/postings');
  });
});
