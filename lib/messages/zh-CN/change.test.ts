import { describe, expect, it } from 'vitest';
import { CHANGE_STATES_OF } from '@/lib/domain/change/change-machines';
import { CHANGE_TYPES } from '@/lib/domain/change/change-types';
import { LEGAL_REP_HIDDEN_HINT } from '@/lib/domain/change/eligibility';
import { text, textOf } from '@/lib/messages';

describe('the change section (words of lib/domain/change)', () => {
  it('labels the types verbatim (R-CHG-P2, R-CHG-E1 … E3) and has a Chinese word for every state', () => {
    expect(CHANGE_TYPES.map((t) => text(`change.type.${t}`))).toEqual(['变更为企业主体', '变更个人主体', '变更企业主体（A企业变成B企业）', '变更企业名称', '更新企业法人信息']);
    for (const type of CHANGE_TYPES) for (const state of CHANGE_STATES_OF[type]) expect(text(`change.state.${state}`)).toMatch(/\p{Script=Han}/u);
  });

  it('says why a change may not start', () => {
    expect(text('change.refusal.cool_down', { until: '2026-12-27 12:00' })).toBe('距上次完成认证不足 30 天，2026-12-27 12:00 后可变更');
    expect(textOf(LEGAL_REP_HIDDEN_HINT)).toContain('变更企业主体');
    expect(text('change.refusal.in_progress.change')).toContain('进行中的变更申请');
    expect(text('change.new_subject.same_enterprise')).toContain('变更企业名称');
  });

  it('names why the new legal rep was not proven', () => {
    expect(text('change.legal_rep_failure.face_mismatch')).toContain('人像比对不一致');
    expect(text('change.legal_rep_failure.liveness_failed')).toContain('活体检测失败');
    expect(text('change.legal_rep_failure.mismatch')).toContain('微信支付实名信息不一致');
    expect(text('change.legal_rep_failure.declined')).toContain('拒绝');
    expect(text('change.legal_rep_failure.expired')).toBe('二维码已过期，新法人未在有效期内完成认证');
  });
});
