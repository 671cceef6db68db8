import { describe, expect, it } from 'vitest';
import { canonicalEnterpriseName, sameEnterpriseName, validateEnterpriseName } from './enterprise-name';

describe('enterprise names (SPEC §5.1)', () => {
  it('writes one canonical form: trimmed, brackets full width, Latin half width', () => {
    expect(canonicalEnterpriseName('  云端计算科技(北京)有限公司 ')).toBe('云端计算科技（北京）有限公司');
    expect(canonicalEnterpriseName('云端计算科技 （ 北京 ） 有限公司')).toBe('云端计算科技（北京）有限公司');
    expect(canonicalEnterpriseName('ＡＢＣ  科技有限公司')).toBe('ABC 科技有限公司');
  });

  it('compares names exactly beyond typing variants', () => {
    expect(sameEnterpriseName('北京星河数智科技有限公司', '北京星河数智科技有限公司 ')).toBe(true);
    expect(sameEnterpriseName('云端（北京）有限公司', '云端(北京)有限公司')).toBe(true);
    expect(sameEnterpriseName('北京星河数智科技有限公司', '北京星河网络技术有限公司')).toBe(false);
    expect(sameEnterpriseName('北京星河数智科技有限公司', '北京星河数智科技公司')).toBe(false);
  });

  it('validates length and characters with coded messages', () => {
    expect(validateEnterpriseName('  ')).toEqual({ ok: false, message: { code: 'identity.enterpriseName.required' } });
    expect(validateEnterpriseName('星').ok).toBe(false);
    expect(validateEnterpriseName('星'.repeat(101)).ok).toBe(false);
    expect(validateEnterpriseName('星河<script>').ok).toBe(false);
    expect(validateEnterpriseName('A&B Co., Ltd.')).toEqual({ ok: true, value: 'A&B Co., Ltd.' });
  });
});
