import type { Wizard, WizardStep } from '@/lib/domain/wizard-steps';
import type { MessageEntry } from '../format';

/** The catalogue code of every step of every wizard (lib/domain/wizard-steps.ts). */
type WizardStepCode = { [W in Wizard]: `wizard.${W}.${WizardStep<W>}` }[Wizard];

/** The step bars' labels (SPEC §4.1, §5, §6): a step added to a wizard without its label, or a label of no step, fails to compile. */
export const wizardMessages = {
  'wizard.personal.info': '填写基本信息',
  'wizard.personal.verify': '校验认证信息',
  'wizard.personal.done': '认证完成',

  'wizard.enterprise.info': '填写基本信息',
  'wizard.enterprise.method': '选择认证方式',
  'wizard.enterprise.verify': '校验认证信息',
  'wizard.enterprise.done': '认证完成',

  'wizard.change.face_check': '当前认证人身份核验',
  'wizard.change.type': '选择变更类型',
  'wizard.change.new_subject': '新主体认证',
  'wizard.change.done': '变更完成',

  'wizard.change_subject.face_check': '原企业法人身份核验',
  'wizard.change_subject.proofs': '上传证明材料',
  'wizard.change_subject.review': '审核',
  'wizard.change_subject.new_subject': '新企业认证',
  'wizard.change_subject.done': '变更完成',

  'wizard.change_rename.new_name': '填写变更后企业名称',
  'wizard.change_rename.proofs': '证明材料审核',
  'wizard.change_rename.done': '变更完成',

  'wizard.change_legal_rep.rep_data': '填写新法人信息',
  'wizard.change_legal_rep.rep_check': '新法人身份核验',
  'wizard.change_legal_rep.done': '变更完成',
} as const satisfies Record<WizardStepCode, MessageEntry>;
