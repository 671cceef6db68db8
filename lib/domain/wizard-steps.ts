/**
 * The step bars of the wizards (SPEC §4.1, §5, §6): one ordered list of step names per
 * wizard, a step's number is its place (1-based). Pages name the step they show, never its
 * number, so renumbering a wizard is one edit here; the labels are the catalogue's
 * `wizard.<wizard>.<step>` (lib/messages/zh-CN/wizard.ts).
 */
export const WIZARD_STEPS = {
  // 1 填写基本信息 > 2 校验认证信息 > 3 认证完成
  personal: ['info', 'verify', 'done'],
  // 1 填写基本信息 > 2 选择认证方式 > 3 校验认证信息 > 4 认证完成; the bank methods run inside step 3.
  enterprise: ['info', 'method', 'verify', 'done'],
  // A person's change (R-CHG-1): 1 当前认证人身份核验 > 2 选择变更类型 > 3 新主体认证 > 4 变更完成
  change: ['face_check', 'type', 'new_subject', 'done'],
  // 变更企业主体 (R-CHG-E1): 1 原企业法人身份核验 > 2 上传证明材料 > 3 审核 > 4 新企业认证 > 5 变更完成
  change_subject: ['face_check', 'proofs', 'review', 'new_subject', 'done'],
  // 变更企业名称 (R-CHG-E2): 1 填写变更后企业名称 > 2 证明材料审核 > 3 变更完成
  change_rename: ['new_name', 'proofs', 'done'],
  // 更新企业法人信息 (R-CHG-E3): 1 填写新法人信息 > 2 新法人身份核验 > 3 变更完成
  change_legal_rep: ['rep_data', 'rep_check', 'done'],
} as const satisfies Record<string, readonly string[]>;

export type Wizard = keyof typeof WIZARD_STEPS;
export type WizardStep<W extends Wizard> = (typeof WIZARD_STEPS)[W][number];

/** The steps of `wizard`, first to last. */
export function wizardSteps<W extends Wizard>(wizard: W): readonly WizardStep<W>[] {
  return WIZARD_STEPS[wizard];
}

/** The number a step shows in its wizard's bar (1-based). */
export function stepNumber<W extends Wizard>(wizard: W, step: WizardStep<W>): number {
  return wizardSteps(wizard).indexOf(step) + 1;
}
