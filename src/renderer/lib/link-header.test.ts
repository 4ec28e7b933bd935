import { describe, expect, it } from 'vitest';
import { nextPageToken, parseLinkHeader } from './link-header';

describe('Link header', () => {
  it('case=Kratos keyset header with next', () => {
    const h =
      '<http://127.0.0.1:4434/admin/identities?page_size=2&page_token=AAA>; rel="first",<http://127.0.0.1:4434/admin/identities?page_size=2&page_token=B-b_C>; rel="next"';
    expect(parseLinkHeader(h)).toEqual({
      first: 'http://127.0.0.1:4434/admin/identities?page_size=2&page_token=AAA',
      next: 'http://127.0.0.1:4434/admin/identities?page_size=2&page_token=B-b_C',
    });
    expect(nextPageToken(h)).toBe('B-b_C');
  });

  it('case=last page has no next', () => {
    expect(
      nextPageToken('<http://x/admin/identities?page_size=2&page_token=AAA>; rel="first"'),
    ).toBeUndefined();
    expect(nextPageToken(null)).toBeUndefined();
  });

  it('case=unquoted rel and several rels', () => {
    expect(parseLinkHeader('<http://x/?page_token=1>; rel=next, <http://x/?p=0>; rel="first prev"')).toEqual({
      next: 'http://x/?page_token=1',
      first: 'http://x/?p=0',
      prev: 'http://x/?p=0',
    });
  });
});
