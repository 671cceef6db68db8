import type { ReactNode } from 'react';
import { WizardSteps } from '@/app/_components/wizard-steps';
import type { WizardStep } from '@/lib/domain/wizard-steps';
import type { EnterpriseVerificationView } from '@/lib/features/enterprise';
import { text } from '@/lib/messages';
import { ChangeBanner } from '../change/change-banner';

/**
 * The frame of every enterprise verification page (the wizard, 充值认证, 企业对公打款认证):
 * the title, 正在变更认证主体 when the verification proves a change's new subject, the step
 * bar and the panel.
 */
export function EnterpriseFrame(props: { title?: string; current: WizardStep<'enterprise'>; changing: boolean; children: ReactNode }) {
  return (
    <>
      <h1>{props.title ?? '企业实名认证'}</h1>
      {props.changing ? <ChangeBanner /> : null}
      <WizardSteps wizard="enterprise" current={props.current} />
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
