import { describe, expect, it } from 'vitest';
import { checkIcpSubjectName, icpNameCheckMessage } from './icp-name-check';

const VERIFIED = '星河数智（北京）科技有限公司';

describe('ICP filing subject check (R-OWN-4)', () => {
  it('matches the exact name only', () => {
    expect(checkIcpSubjectName(VERIFIED, VERIFIED)).toEqual({ match: true });
    expect(icpNameCheckMessage({ match: true })).toEqual({ code: 'icp.check.match' });
  });

  it('names a half-width bracket and where it is', () => {
    const check = checkIcpSubjectName(VERIFIED, '星河数智(北京)科技有限公司');
    expect(check).toEqual({ match: false, reason: 'bracket_width', position: 5 });
    expect(icpNameCheckMessage(check)).toEqual({ code: 'icp.check.bracket_width', params: { position: 5 } });
  });

  it('names a trailing or leading space', () => {
    expect(checkIcpSubjectName(VERIFIED, `${VERIFIED} `)).toEqual({ match: false, reason: 'trailing_space' });
    expect(checkIcpSubjectName(VERIFIED, `${VERIFIED}\u3000`)).toEqual({ match: false, reason: 'trailing_space' });
    expect(checkIcpSubjectName(VERIFIED, ` ${VERIFIED}`)).toEqual({ match: false, reason: 'leading_space' });
    expect(icpNameCheckMessage({ match: false, reason: 'trailing_space' })).toEqual({ code: 'icp.check.trailing_space' });
  });

  it('names full-width letters and inner spaces', () => {
    expect(checkIcpSubjectName('ABC科技有限公司', 'ＡBC科技有限公司')).toEqual({ match: false, reason: 'character_width', position: 1 });
    expect(checkIcpSubjectName('ABC 科技有限公司', 'ABC科技有限公司')).toMatchObject({ match: false, reason: 'inner_space' });
  });

  it('says plainly when it is another name, or when there is no verified subject', () => {
    expect(checkIcpSubjectName(VERIFIED, '星河网络（北京）科技有限公司')).toEqual({ match: false, reason: 'different', position: 3 });
    expect(checkIcpSubjectName(null, VERIFIED)).toEqual({ match: false, reason: 'not_verified' });
    expect(checkIcpSubjectName(VERIFIED, '  ')).toEqual({ match: false, reason: 'empty' });
  });
});
