import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path';

const ORIGIN = 'https://console.example.com';

describe('safeNextPath: where to go after sign-in, only this site (open redirect)', () => {
  it.each([
    ['/account', '/account'],
    ['/account/verification?step=2#top', '/account/verification?step=2#top'],
    ['/review/cases/1', '/review/cases/1'],
    // What the parser does, the browser does too: the returned text is the path it would follow.
    ['/account\r\nSet-Cookie: a=b', '/accountSet-Cookie:%20a=b'],
    ['/账号', '/%E8%B4%A6%E5%8F%B7'],
    ['/a/../account', '/account'],
  ])('keeps the same-origin path %j as %j', (input, expected) => {
    expect(safeNextPath(input, ORIGIN)).toBe(expected);
  });

  it.each([
    ['tab dropped by browsers', '/\t/evil.example'],
    ['newline dropped by browsers', '/\n/evil.example'],
    ['carriage return', '/\r/evil.example'],
    ['protocol-relative', '//evil.example'],
    ['backslash read as a slash', '/\\evil.example'],
    ['slash then backslash', '/\\/evil.example'],
    ['dot segment leading to //', '/..//evil.example'],
    ['dot segment, encoded', '/%2e%2e//evil.example'],
    ['single dot segment', '/.//evil.example'],
    ['absolute URL elsewhere', 'https://evil.example/'],
    ['absolute URL on this origin (paths only)', 'https://console.example.com/account'],
    ['scheme-relative with credentials', '//console.example.com@evil.example/'],
    ['javascript: URL', 'javascript:alert(1)'],
    ['data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['relative without a slash', 'evil.example'],
    ['leading space', ' //evil.example'],
    ['leading tab', '\t/account'],
    ['empty', ''],
    ['only a slash and a tab', '/\t/'],
  ])('refuses %s', (_what, input) => {
    expect(safeNextPath(input, ORIGIN)).toBeUndefined();
  });

  it('refuses what is not a string and what is absurdly long', () => {
    expect(safeNextPath(undefined, ORIGIN)).toBeUndefined();
    expect(safeNextPath(['/account'], ORIGIN)).toBeUndefined();
    expect(safeNextPath(`/${'a'.repeat(3000)}`, ORIGIN)).toBeUndefined();
  });
});
