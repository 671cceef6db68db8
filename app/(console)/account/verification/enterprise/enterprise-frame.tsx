import type { ReactNode } from 'react';
import { WizardSteps } from '@/app/_components/wizard-steps';
import type { EnterpriseVerificationView } from '@/lib/features/enterprise';
import { text } from '@/lib/messages';
import { ChangeBanner } from '../change/change-banner';

/** SPEC §5: 1 填写基本信息 > 2 选择认证方式 > (3 校验认证信息) > 认证完成 — the bank methods run inside step 3. */
const STEPS = ['填写基本信息', '选择认证方式', '校验认证信息', '认证完成'] as const;

/**
 * The frame of every enterprise verification page (the wizard, 充值认证, 企业对公打款认证):
 * the title, 正在变更认证主体 when the verification proves a change's new subject, the step
 * bar and the panel.
 */
export function EnterpriseFrame(props: { title?: string; current: 1 | 2 | 3 | 4; changing: boolean; children: ReactNode }) {
  return (
    <>
      <h1>{props.title ?? '企业实名认证'}</h1>
      {props.changing ? <ChangeBanner /> : null}
      <WizardSteps steps={STEPS} current={props.current} />
      <div className="panel wizard">{props.children}</div>
    </>
  );
}

/** The subject being verified, masked (SPEC §9). */
export function EnterpriseIdentity({ v }: { v: EnterpriseVerificationView }) {
  return (
    <p className="identity">
      即将认证企业 企业名称：<strong>{v.enterpriseName}</strong> {text(`identity.codeKind.${v.codeKind ?? 'unknown'}`)}：<strong>{v.codeMasked}</strong>（{text(`identity.licenceType.${v.licenceType}`)}）
    </p>
  );
}
