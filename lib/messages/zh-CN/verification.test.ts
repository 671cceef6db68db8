import { describe, expect, it } from 'vitest';
import { enterpriseEligibility, personalEligibility, type EnterpriseEligibilityFacts, type PersonalEligibilityFacts } from '@/lib/domain/eligibility/verification-eligibility';
import { makeUscc } from '@/lib/domain/identity/uscc';
import { ENTERPRISE_FAILURES, enterpriseFailureText } from '@/lib/domain/verification/enterprise-outcome';
import { offerEnterpriseMethods } from '@/lib/domain/verification/enterprise-methods';
import { verificationMethodLabel } from '@/lib/domain/verification/method-labels';
import { offerPersonalMethods } from '@/lib/domain/verification/personal-methods';
import { PERSONAL_FAILURES, personalFailureText } from '@/lib/domain/verification/personal-outcome';
import { icpNameCheckMessage, checkIcpSubjectName } from '@/lib/domain/icp-name-check';
import { text, textOf, type MessageRef } from '@/lib/messages';

/**
 * The words of the verification rules (issue 17): lib/domain answers with codes (its own
 * tests); these are the sentences a user reads for them, unchanged character for character.
 */
const say = (phrase: { code: string; params?: MessageRef['params'] }) => textOf(phrase as MessageRef);
const now = new Date('2026-11-27T04:00:00Z');
const today = { year: 2026, month: 11, day: 27 };
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
const free = { subjectKind: null, ownIdentity: false, processKind: null };

function person(overrides: Partial<PersonalEligibilityFacts> = {}): PersonalEligibilityFacts {
  return { documentType: 'resident_id', birthDate: { year: 1990, month: 3, day: 7 }, today, now, limit: 3, holders: 0, failures: [], faceFailures: [], account: free, ...overrides };
}
const active = { name: '北京星河数智科技有限公司', formerNames: ['北京星河网络技术有限公司'], status: 'active' as const, licenceType: 'business_licence' as const, legalRepName: '赵建国' };
function enterprise(overrides: Partial<EnterpriseEligibilityFacts> = {}): EnterpriseEligibilityFacts {
  return { licenceType: 'business_licence', code: makeUscc('91110108', 'MA01XY2K'), enterpriseName: active.name, now, limit: 10, holders: 0, registry: { kind: 'answered', record: active }, failures: [], account: free, ...overrides };
}

describe('认证前检查, worded (SPEC §13)', () => {
  it('words every row, method and summary of a check', () => {
    for (const r of [personalEligibility(person()), personalEligibility(person({ holders: 3 })), enterpriseEligibility(enterprise()), enterpriseEligibility(enterprise({ registry: { kind: 'unavailable' } }))]) {
      for (const row of [r.standing, r.slots, r.subject]) expect(say(row.text)).toMatch(/[\u4e00-\u9fff]/);
      for (const m of r.methods) {
        expect(text(m.label as never)).toMatch(/[\u4e00-\u9fff]/);
        expect(text(m.time as never)).toMatch(/[\u4e00-\u9fff\d]/);
        expect(say(m.text)).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(say(r.summary)).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('says what it always said', () => {
    expect(say(personalEligibility(person()).summary)).toBe('可以开始认证，可用方式：微信扫码、人脸识别、QQ扫码');
    const full = personalEligibility(person({ holders: 3 }));
    expect(say(full.summary)).toBe('该证件实名认证的账号数量已达上限（3 个），无法继续认证');
    const changing = personalEligibility(person({ account: { subjectKind: 'person', ownIdentity: false, processKind: null } }));
    expect(say(changing.summary)).toBe('可通过修改认证主体认证，可用方式：微信扫码、人脸识别');
    expect(say(changing.standing.text)).toBe('本账号已完成个人实名认证：如需改用该证件认证，须通过修改认证主体办理，变更完成前账号仍归属当前认证主体');
    expect(text(changing.standing.next!.label)).toBe('修改认证主体');
    const other = personalEligibility(person({ account: { ...free, processKind: 'enterprise_verification' } }));
    expect(say(other.standing.text)).toBe('您有一个进行中的企业认证，须先继续完成或撤销后才能开始个人认证');
    expect(say(personalEligibility(person({ birthDate: { year: 2009, month: 11, day: 28 } })).subject.text)).toBe('根据相关规定，未满 18 周岁不能进行实名认证');
    const permit = personalEligibility(person({ documentType: 'hk_macau_permit', birthDate: null }));
    expect(say(permit.methods.find((m) => m.method === 'face')!.text)).toBe('港澳台居民来往内地（大陆）通行证持有人仅可使用微信扫码认证');
    expect(say(permit.subject.text)).toBe('年龄将在认证时由渠道返回的出生日期核验（须年满 18 周岁）');
    const gone = enterpriseEligibility(enterprise({ registry: { kind: 'answered', record: { ...active, status: 'deregistered' } } }));
    expect(say(gone.summary)).toBe('该企业在工商登记系统中的登记状态为注销，无法进行实名认证');
    const former = enterpriseEligibility(enterprise({ enterpriseName: '北京星河网络技术有限公司' }));
    expect(say(former.subject.text)).toBe('您填写的是该企业的曾用名，请按最新营业执照填写现用企业名称');
    expect(say(enterpriseEligibility(enterprise({ limit: 2, holders: 2 })).slots.text)).toBe('该企业实名认证的账号数量已达上限（2 个），无法继续认证');
    expect(say(enterpriseEligibility(enterprise({ holders: 4 })).slots.text)).toBe('该企业还可实名认证 6 个账号（该企业上限 10 个）');
    const ok = enterpriseEligibility(enterprise());
    expect(say(ok.subject.text)).toBe('工商登记状态：存续，企业名称与代码一致');
    expect(say(ok.summary)).toBe('可以开始认证，可用方式：微信公众平台认证、企业法人微信扫码认证、企业法人人脸识别认证、充值认证、企业对公打款认证');
    const other2 = enterpriseEligibility(enterprise({ licenceType: 'other', code: makeUscc('12440300', '45575880'), registry: { kind: 'not_asked' } }));
    expect(say(other2.subject.text)).toBe('非营业执照主体不经工商登记系统核验，请按登记证书填写');
  });
});

describe('verification methods and outcomes, worded', () => {
  it('words the method offers (R-LIM-7, R-P-FACE, R-E-TYPE)', () => {
    const risky = offerPersonalMethods({ documentType: 'resident_id', now, failures: [hoursAgo(1), hoursAgo(2), hoursAgo(3)], faceFailures: [] });
    expect(text(risky.notice!)).toBe('您的账号在 24 小时内认证失败 3 次及以上，为保障账号安全，仅可使用人脸识别完成认证。');
    expect(text(risky.options.find((o) => o.method === 'wechat')!.reason!)).toBe('24 小时内认证失败 3 次及以上，暂不可使用此方式');
    const other = offerEnterpriseMethods({ licenceType: 'other', code: makeUscc('12440300', '45575880'), now, failures: [hoursAgo(1), hoursAgo(2), hoursAgo(3)] });
    expect(text(other.notice!)).toBe('您的账号在 24 小时内认证失败 3 次及以上，为保障账号安全，仅可使用充值认证或企业对公打款认证。');
    expect(text(other.typeNotice!)).toBe('非工商类主体（非营业执照，或统一社会信用代码不以 91、92 开头）不能使用企业法人微信扫码认证和企业法人人脸识别认证');
  });

  it('words every failure, naming the channel where it matters', () => {
    for (const f of PERSONAL_FAILURES) expect(textOf(personalFailureText(f, 'qq'))).toMatch(/[\u4e00-\u9fff]/);
    for (const f of ENTERPRISE_FAILURES) expect(textOf(enterpriseFailureText(f))).toMatch(/[\u4e00-\u9fff]/);
    expect(textOf(personalFailureText('mismatch', 'wechat'))).toBe('实名信息与微信支付实名信息不一致');
    expect(textOf(personalFailureText('no_bank_card', 'qq'))).toBe('手机QQ未绑定银行卡，请先绑定银行卡后重试');
    expect(textOf(personalFailureText('identity_limit', 'face'))).not.toMatch(/\d{10}|@/);
    expect(textOf(enterpriseFailureText('enterprise_limit', 12))).toBe('该企业实名认证的账号数量已达上限（12 个），无法继续认证');
    expect(textOf(verificationMethodLabel('legal_rep_face'))).toBe('企业法人人脸识别认证');
    expect(textOf(verificationMethodLabel(null))).toBe('实名认证');
    expect(textOf(verificationMethodLabel('telepathy'))).toBe('telepathy');
  });

  it('words the ICP filing-name check (R-OWN-4)', () => {
    const verified = '星河数智（北京）科技有限公司';
    expect(textOf(icpNameCheckMessage({ match: true }))).toContain('一致');
    expect(textOf(icpNameCheckMessage(checkIcpSubjectName(verified, '星河数智(北京)科技有限公司')))).toContain('括号的全角/半角不同（第 5 个字符）');
    expect(textOf(icpNameCheckMessage({ match: false, reason: 'trailing_space' }))).toBe('不一致：备案主体名称末尾有多余的空格，请删除。');
  });
});
