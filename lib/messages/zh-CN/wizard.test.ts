import { describe, expect, it } from 'vitest';
import { WIZARD_STEPS, wizardSteps, type Wizard } from '@/lib/domain/wizard-steps';
import { text, type MessageCode } from '@/lib/messages';

const wizards = Object.keys(WIZARD_STEPS) as Wizard[];
const labels = (wizard: Wizard) => wizardSteps(wizard).map((step) => text(`wizard.${wizard}.${step}` as MessageCode));

describe('the step bars’ labels', () => {
  it.each(wizards)('gives every step of %s its own label', (wizard) => {
    const words = labels(wizard);
    expect(words.every((w) => /[\u4e00-\u9fff]/.test(w))).toBe(true);
    expect(new Set(words).size).toBe(words.length);
  });

  it('reads as the pages have always shown them (SPEC §4.1, §5, §6; the e2e journeys find them)', () => {
    expect(labels('personal')).toEqual(['填写基本信息', '校验认证信息', '认证完成']);
    expect(labels('enterprise')).toEqual(['填写基本信息', '选择认证方式', '校验认证信息', '认证完成']);
    expect(labels('change')).toEqual(['当前认证人身份核验', '选择变更类型', '新主体认证', '变更完成']);
    expect(labels('change_subject')).toEqual(['原企业法人身份核验', '上传证明材料', '审核', '新企业认证', '变更完成']);
    expect(labels('change_rename')).toEqual(['填写变更后企业名称', '证明材料审核', '变更完成']);
    expect(labels('change_legal_rep')).toEqual(['填写新法人信息', '新法人身份核验', '变更完成']);
  });
});
