import { describe, expect, it } from 'vitest';
import { makeOrganisationCode } from '../identity/organisation-code';
import { makeRegistrationNumber } from '../identity/registration-number';
import { makeUscc } from '../identity/uscc';
import { checkChangeStart, checkPersonalChangeStart, checkPersonalChoice, decideRename, LEGAL_REP_HIDDEN_HINT, offerChanges, renamePath, type ChangeFacts } from './eligibility';

const DAY_MS = 24 * 60 * 60 * 1000;
/** 12:00 in Beijing. */
const verifiedAt = new Date('2026-11-27T04:00:00Z');
const after = (ms: number) => new Date(verifiedAt.getTime() + ms);
const CODE_91 = makeUscc('91110108', 'MA01XY2K');
const CODE_92 = makeUscc('92440300', 'MA5FXW3L');
const CODE_12 = makeUscc('12440300', '45575880');

const person = (now: Date): ChangeFacts => ({
  now,
  subject: { kind: 'person', verifiedAt, complete: true },
  everEnterprise: false,
  inProgress: null,
});

const enterprise = (now: Date, subject: Partial<NonNullable<ChangeFacts['subject']>> = {}): ChangeFacts => ({
  now,
  subject: { kind: 'enterprise', verifiedAt, licenceType: 'business_licence', code: CODE_91, complete: true, ...subject },
  everEnterprise: true,
  inProgress: null,
});

const summary = (facts: ChangeFacts) => offerChanges(facts).options.map((o) => [o.type, o.available, o.refusal ?? null]);

describe('changes offered to a personal account (R-CHG-4, R-CHG-P2)', () => {
  it('offers 变更为企业主体 at once and 变更个人主体 only after 30 days, saying until when', () => {
    const offer = offerChanges(person(after(30 * DAY_MS - 1)));
    expect(offer.subjectKind).toBe('person');
    expect(offer.options.map((o) => [o.type, o.available])).toEqual([
      ['person_to_enterprise', true],
      ['person_to_person', false],
    ]);
    const p2p = offer.options[1]!;
    expect(p2p.refusal).toBe('cool_down');
    expect(p2p.until).toEqual(new Date('2026-12-27T04:00:00Z'));
    expect(p2p.untilDay).toBe('2026-12-27');
    // Worded 「距上次完成认证不足 30 天，2026-12-27 12:00 后可变更」 (lib/messages/zh-CN/change.test.ts).
    expect(p2p.reason).toEqual({ code: 'change.refusal.cool_down', params: { until: '2026-12-27 12:00' } });
  });

  it('allows 变更个人主体 exactly 30 days after the last completed verification', () => {
    expect(summary(person(after(30 * DAY_MS)))).toEqual([
      ['person_to_enterprise', true, null],
      ['person_to_person', true, null],
    ]);
  });

  it('lets a person change to an enterprise the minute after verifying (no cool-down)', () => {
    expect(checkChangeStart(person(after(60_000)), 'person_to_enterprise')).toEqual({ ok: true });
  });

  it('never lets an account that was an enterprise become a person again (R-CHG-5), even if a person subject is on file', () => {
    const check = checkChangeStart({ ...person(after(365 * DAY_MS)), everEnterprise: true }, 'person_to_person');
    expect(check).toMatchObject({ ok: false, refusal: 'never_back_to_person' });
  });
});

describe('the personal request, started before its type is chosen (R-CHG-P1, R-CHG-P2)', () => {
  it('starts within the cool-down (变更为企业主体 is always possible) but not while another process runs', () => {
    expect(checkPersonalChangeStart(person(after(60_000)))).toEqual({ ok: true });
    expect(checkPersonalChangeStart({ ...person(after(60_000)), inProgress: 'verification' })).toMatchObject({ ok: false, refusal: 'in_progress' });
    expect(checkPersonalChangeStart(enterprise(after(60_000)))).toMatchObject({ ok: false, refusal: 'wrong_subject_kind' });
  });

  it('checks the cool-down at the choice, ignoring the request itself being in progress', () => {
    const choosing = { ...person(after(30 * DAY_MS - 1)), inProgress: 'change' as const };
    expect(checkPersonalChoice(choosing, 'person_to_enterprise')).toEqual({ ok: true });
    expect(checkPersonalChoice(choosing, 'person_to_person')).toMatchObject({ ok: false, refusal: 'cool_down' });
    expect(checkPersonalChoice({ ...choosing, now: after(30 * DAY_MS) }, 'person_to_person')).toEqual({ ok: true });
    expect(checkPersonalChoice(choosing, 'enterprise_rename')).toMatchObject({ ok: false, refusal: 'wrong_subject_kind' });
  });
});

describe('changes offered to an enterprise account (R-CHG-5, R-CHG-E1–E3)', () => {
  it('lists the three enterprise types and never one to a person', () => {
    const offer = offerChanges(enterprise(after(40 * DAY_MS)));
    expect(offer.subjectKind).toBe('enterprise');
    expect(offer.options.map((o) => [o.type, o.available])).toEqual([
      ['enterprise_to_enterprise', true],
      ['enterprise_rename', true],
      ['legal_rep_update', true],
    ]);
    expect(offer.legalRepHint).toBeUndefined();
  });

  it('refuses enterprise → person when posted anyway, e.g. right after person → enterprise completed', () => {
    const justChanged = enterprise(after(60_000), { verifiedAt: after(0) });
    expect(checkChangeStart(justChanged, 'person_to_person')).toMatchObject({ ok: false, refusal: 'never_back_to_person' });
    expect(checkChangeStart(enterprise(after(400 * DAY_MS)), 'person_to_person')).toMatchObject({ ok: false, refusal: 'never_back_to_person' });
    expect(checkChangeStart(justChanged, 'person_to_enterprise')).toMatchObject({ ok: false, refusal: 'wrong_subject_kind' });
  });

  it('holds A → B for 30 days but never the rename or the legal-rep update', () => {
    expect(summary(enterprise(after(30 * DAY_MS - 1)))).toEqual([
      ['enterprise_to_enterprise', false, 'cool_down'],
      ['enterprise_rename', true, null],
      ['legal_rep_update', true, null],
    ]);
    expect(checkChangeStart(enterprise(after(30 * DAY_MS)), 'enterprise_to_enterprise')).toEqual({ ok: true });
  });

  it('hides 更新企业法人信息 from a 12… public institution, a 非营业执照 subject and one without a USCC, with the hint', () => {
    for (const subject of [
      { code: CODE_12 },
      { licenceType: 'other' as const },
      { code: makeRegistrationNumber('33010600012345') },
      { code: makeOrganisationCode('MA01XY2K') },
      { code: null },
    ]) {
      const offer = offerChanges(enterprise(after(40 * DAY_MS), subject));
      expect(offer.options.map((o) => o.type)).toEqual(['enterprise_to_enterprise', 'enterprise_rename']);
      expect(offer.legalRepHint).toBe(LEGAL_REP_HIDDEN_HINT);
      expect(LEGAL_REP_HIDDEN_HINT).toEqual({ code: 'change.refusal.not_business_entity' });
      expect(checkChangeStart(enterprise(after(40 * DAY_MS), subject), 'legal_rep_update')).toMatchObject({
        ok: false,
        refusal: 'not_business_entity',
      });
    }
  });

  it('says which way a rename goes: automatic for a complete 91/92 subject, review for a 12 code', () => {
    const path = (subject: Parameters<typeof enterprise>[1]) =>
      offerChanges(enterprise(after(DAY_MS), subject)).options.find((o) => o.type === 'enterprise_rename')?.renamePath;
    expect(path({})).toBe('automatic');
    expect(path({ code: CODE_92 })).toBe('automatic');
    expect(path({ code: CODE_12 })).toBe('review');
    expect(path({ complete: false })).toBe('review');
    expect(path({ code: makeRegistrationNumber('33010600012345') })).toBe('review');
    expect(checkChangeStart(enterprise(after(DAY_MS), { code: CODE_12 }), 'enterprise_rename')).toEqual({ ok: true, renamePath: 'review' });
  });
});

describe('rename decision (R-CHG-E2)', () => {
  const complete91 = { code: CODE_91, complete: true };

  it('updates at once when the registry lists the new name for the active enterprise', () => {
    expect(decideRename(complete91, '深圳新名科技有限公司', { name: '深圳新名科技有限公司', status: 'active' })).toBe('registry_confirmed');
    // Half-width brackets typed by the user are the same name as the registry's full-width ones.
    expect(decideRename(complete91, '新名(深圳)科技有限公司', { name: '新名（深圳）科技有限公司', status: 'active' })).toBe('registry_confirmed');
  });

  it('asks for proofs when the registry does not confirm, knows nothing, or the path is review', () => {
    expect(decideRename(complete91, '深圳新名科技有限公司', { name: '深圳旧名科技有限公司', status: 'active' })).toBe('proofs_required');
    expect(decideRename(complete91, '深圳新名科技有限公司', { name: '深圳新名科技有限公司', status: 'deregistered' })).toBe('proofs_required');
    expect(decideRename(complete91, '深圳新名科技有限公司', null)).toBe('proofs_required');
    expect(decideRename({ code: CODE_12, complete: true }, '深圳市某某中心', { name: '深圳市某某中心', status: 'active' })).toBe('proofs_required');
    expect(decideRename({ code: CODE_91, complete: false }, '深圳新名科技有限公司', { name: '深圳新名科技有限公司', status: 'active' })).toBe(
      'proofs_required',
    );
  });

  it('takes an invalid or missing code to review', () => {
    expect(renamePath({ code: '911101080000000000', complete: true })).toBe('review');
    expect(renamePath({ code: null, complete: true })).toBe('review');
  });
});

describe('one process at a time and the unverified account (R-LIM-8, R-LIM-9)', () => {
  it('offers nothing to start while a change is in progress, and says so', () => {
    const offer = offerChanges({ ...person(after(40 * DAY_MS)), inProgress: 'change' });
    expect(summary({ ...person(after(40 * DAY_MS)), inProgress: 'change' })).toEqual([
      ['person_to_enterprise', false, 'in_progress'],
      ['person_to_person', false, 'in_progress'],
    ]);
    expect(offer.notice).toEqual({ code: 'change.refusal.in_progress.change' });
  });

  it('still hides the legal-rep update (a rule that never changes) before reporting what is in progress', () => {
    const offer = offerChanges({ ...enterprise(after(DAY_MS), { code: CODE_12 }), inProgress: 'verification' });
    expect(offer.options.map((o) => [o.type, o.refusal])).toEqual([
      ['enterprise_to_enterprise', 'in_progress'],
      ['enterprise_rename', 'in_progress'],
    ]);
    expect(offer.legalRepHint).toBe(LEGAL_REP_HIDDEN_HINT);
    expect(offer.options[1]!.renamePath).toBe('review');
  });

  it('offers no change to an account without a subject: that is a first verification', () => {
    const facts: ChangeFacts = { now: verifiedAt, subject: null, everEnterprise: false, inProgress: null };
    expect(offerChanges(facts)).toMatchObject({ subjectKind: null, options: [] });
    expect(checkChangeStart(facts, 'person_to_enterprise')).toMatchObject({ ok: false, refusal: 'not_verified' });
  });
});
