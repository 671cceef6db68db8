import { describe, expect, it } from 'vitest';
import { makeUscc } from '../identity/uscc';
import { NOT_BUSINESS_NOTICE } from '../verification/enterprise-methods';
import {
  accountStanding,
  enterpriseEligibility,
  judgeRegistry,
  MINOR_TEXT,
  personalEligibility,
  slotsLeft,
  type AccountFacts,
  type EnterpriseEligibilityFacts,
  type PersonalEligibilityFacts,
  type RegistryAnswer,
} from './verification-eligibility';

const now = new Date('2026-11-27T04:00:00Z');
const today = { year: 2026, month: 11, day: 27 };
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
const free: AccountFacts = { subjectKind: null, ownIdentity: false, processKind: null };

function person(overrides: Partial<PersonalEligibilityFacts> = {}): PersonalEligibilityFacts {
  return { documentType: 'resident_id', birthDate: { year: 1990, month: 3, day: 7 }, today, now, limit: 3, holders: 0, failures: [], faceFailures: [], account: free, ...overrides };
}

type RegistryRecord = Extract<RegistryAnswer, { kind: 'answered' }>['record'] & object;
const active: RegistryRecord = { name: '北京星河数智科技有限公司', formerNames: ['北京星河网络技术有限公司'], status: 'active', licenceType: 'business_licence', legalRepName: '赵建国' };

function enterprise(overrides: Partial<EnterpriseEligibilityFacts> = {}): EnterpriseEligibilityFacts {
  return {
    licenceType: 'business_licence',
    code: makeUscc('91110108', 'MA01XY2K'),
    enterpriseName: active.name,
    now,
    limit: 10,
    holders: 0,
    registry: { kind: 'answered', record: active },
    failures: [],
    account: free,
    ...overrides,
  };
}

const available = (r: { methods: { method: string; available: boolean }[] }) => r.methods.filter((m) => m.available).map((m) => m.method);

describe('认证前检查 for a person (SPEC §13)', () => {
  it('lets a free account with an adult mainland ID start, with all three methods and WeChat 推荐', () => {
    const r = personalEligibility(person());
    expect(r.canStart).toBe(true);
    expect(available(r)).toEqual(['wechat', 'face', 'qq']);
    expect(r.methods.find((m) => m.recommended)?.method).toBe('wechat');
    expect(r.slots).toMatchObject({ left: 3, status: 'pass' });
    expect(r.standing.next).toEqual({ route: 'verification.personal', label: 'eligibility.next.start' });
  });

  it('offers a permit holder WeChat only and says why not face or QQ (R-LIM-6)', () => {
    const r = personalEligibility(person({ documentType: 'hk_macau_permit', birthDate: null }));
    expect(available(r)).toEqual(['wechat']);
    for (const m of r.methods.filter((x) => !x.available)) expect(m.text).toEqual({ code: 'eligibility.method.permitOnlyWechat' });
    expect(r.subject.status).toBe('pass');
  });

  it('counts the slots left, never below zero, and blocks every method when none is (R-LIM-1)', () => {
    expect(slotsLeft('personal', 3, 2)).toMatchObject({ left: 1, status: 'pass' });
    const r = personalEligibility(person({ holders: 3 }));
    expect(r.slots).toMatchObject({ left: 0, status: 'fail' });
    expect(r.canStart).toBe(false);
    expect(r.summary).toEqual({ code: 'eligibility.slots.personal.full', params: { limit: 3 } });
    expect(r.methods.every((m) => !m.available && m.text === r.summary)).toBe(true);
    expect(slotsLeft('personal', 3, 5).left).toBe(0);
  });

  it('refuses a minor with the wizard’s words (R-LIM-4)', () => {
    const r = personalEligibility(person({ birthDate: { year: 2009, month: 11, day: 28 } }));
    expect(r.subject).toEqual({ status: 'fail', text: MINOR_TEXT });
    expect(r.canStart).toBe(false);
  });

  it('narrows to face after 3 failures and tells until when the others come back (R-LIM-7)', () => {
    const r = personalEligibility(person({ failures: [hoursAgo(1), hoursAgo(2), hoursAgo(3)] }));
    expect(available(r)).toEqual(['face']);
    expect(r.methods.find((m) => m.method === 'wechat')?.until).toEqual(new Date(hoursAgo(3).getTime() + 24 * 3600_000));
    expect(r.notice).toBe('verification.offer.personalRisk.resident_id');
    expect(r.methods.find((m) => m.recommended)?.method).toBe('face');
  });

  it('says face is locked after 5 failed face attempts (R-P-FACE)', () => {
    const faceFailures = [1, 2, 3, 4, 5].map(hoursAgo);
    const r = personalEligibility(person({ faceFailures }));
    expect(r.methods.find((m) => m.method === 'face')).toMatchObject({ available: false });
    expect(available(r)).toEqual(['wechat', 'qq']);
  });

  it('sends a verified person to 修改认证主体, without QQ (R-LIM-8, R-CHG-P2)', () => {
    const r = personalEligibility(person({ account: { subjectKind: 'person', ownIdentity: false, processKind: null } }));
    expect(r.standing).toMatchObject({ status: 'pass', viaChange: true, next: { route: 'verification.change', label: 'eligibility.next.change' } });
    expect(available(r)).toEqual(['wechat', 'face']);
    expect(r.summary).toEqual({ code: 'eligibility.summary.viaChange', params: { methods: 'wechat,face' } });
  });

  it('refuses the account’s own identity and a person for an enterprise subject', () => {
    expect(personalEligibility(person({ account: { subjectKind: 'person', ownIdentity: true, processKind: null } })).standing.status).toBe('fail');
    const r = personalEligibility(person({ account: { subjectKind: 'enterprise', ownIdentity: false, processKind: null } }));
    expect(r.canStart).toBe(false);
    expect(r.standing.next).toBeNull();
  });

  it('resumes the account’s own personal verification, and blocks on another process (R-LIM-9)', () => {
    expect(accountStanding('personal', { ...free, processKind: 'personal_verification' })).toMatchObject({ status: 'pass', next: { label: 'eligibility.next.start' } });
    const other = accountStanding('personal', { ...free, processKind: 'enterprise_verification' });
    expect(other).toMatchObject({ status: 'fail', next: { route: 'verification.enterprise', label: 'eligibility.next.continue' } });
    expect(other.text).toEqual({ code: 'eligibility.standing.otherProcess', params: { process: 'enterprise_verification', target: 'personal' } });
  });
});

describe('认证前检查 for an enterprise (SPEC §13)', () => {
  it('lets a 存续 工商类 enterprise with slots use all five methods, legal-rep face 推荐', () => {
    const r = enterpriseEligibility(enterprise({ holders: 4 }));
    expect(r.registryStatus).toBe('active');
    expect(r.canStart).toBe(true);
    expect(available(r)).toEqual(['oa', 'legal_rep_wechat', 'legal_rep_face', 'recharge', 'payout']);
    expect(r.methods.find((m) => m.recommended)?.method).toBe('legal_rep_face');
    expect(r.slots).toMatchObject({ left: 6, limit: 10 });
  });

  it('judges the registry in the wizard’s order (R-E-REG)', () => {
    const answered = (record: RegistryRecord | null) => ({ kind: 'answered' as const, record });
    expect(judgeRegistry(answered(null), active.name)).toBe('code_unknown');
    expect(judgeRegistry(answered({ ...active, status: 'deregistered' }), '别的名字有限公司')).toBe('deregistered');
    expect(judgeRegistry(answered(active), '北京星河网络技术有限公司')).toBe('former_name');
    expect(judgeRegistry(answered(active), '北京星河另一家有限公司')).toBe('name_mismatch');
    expect(judgeRegistry(answered({ ...active, licenceType: 'other' }), active.name)).toBe('licence_type');
    expect(judgeRegistry({ kind: 'not_asked' }, active.name)).toBe('not_applicable');
    expect(judgeRegistry({ kind: 'unavailable' }, active.name)).toBe('unavailable');
  });

  it('blocks every method of a 注销 enterprise with the registry reason', () => {
    const r = enterpriseEligibility(enterprise({ registry: { kind: 'answered', record: { ...active, status: 'deregistered' } } }));
    expect(r.subject).toEqual({ status: 'fail', text: { code: 'error.REGISTRY_DEREGISTERED' } });
    expect(available(r)).toEqual([]);
    expect(r.summary).toEqual({ code: 'error.REGISTRY_DEREGISTERED' });
  });

  it('cannot tell while the registry is down, but still lists the methods', () => {
    const r = enterpriseEligibility(enterprise({ registry: { kind: 'unavailable' } }));
    expect(r.subject).toEqual({ status: 'unknown', text: { code: 'error.REGISTRY_UNAVAILABLE' } });
    expect(r.canStart).toBe(false);
    expect(available(r).length).toBe(5);
  });

  it('withholds the legal-rep methods from non-business subjects and says why (R-E-TYPE)', () => {
    const r = enterpriseEligibility(enterprise({ licenceType: 'other', code: makeUscc('12440300', '45575880'), registry: { kind: 'not_asked' } }));
    expect(available(r)).toEqual(['oa', 'recharge', 'payout']);
    expect(r.methods.find((m) => m.method === 'legal_rep_face')?.text).toEqual({ code: NOT_BUSINESS_NOTICE });
    expect(r.subject.status).toBe('pass');
  });

  it('withholds the legal-rep methods when the registry lists no legal representative', () => {
    const r = enterpriseEligibility(enterprise({ registry: { kind: 'answered', record: { ...active, legalRepName: '' } } }));
    expect(available(r)).toEqual(['oa', 'recharge', 'payout']);
  });

  it('counts slots against the enterprise’s override (R-LIM-2)', () => {
    const r = enterpriseEligibility(enterprise({ limit: 2, holders: 2 }));
    expect(r.slots).toMatchObject({ left: 0, status: 'fail', text: { code: 'eligibility.slots.enterprise.full', params: { limit: 2 } } });
    expect(available(r)).toEqual([]);
  });

  it('after 3 failures offers legal-rep face and the bank methods only (R-LIM-7)', () => {
    const r = enterpriseEligibility(enterprise({ failures: [hoursAgo(1), hoursAgo(2), hoursAgo(3)] }));
    expect(available(r)).toEqual(['legal_rep_face', 'recharge', 'payout']);
  });
});
