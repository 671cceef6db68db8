import Link from 'next/link';
import type { ReactNode } from 'react';
import { requireUser } from '@/lib/auth/session';
import type { ChangeState } from '@/lib/domain/change/change-machines';
import type { WizardStep } from '@/lib/domain/wizard-steps';
import { getServiceContext } from '@/lib/features/runtime';
import { getEnterpriseSubjectChange, type EnterpriseSubjectChangeDetails } from '@/lib/features/change';
import type { SubjectChangeView } from '@/lib/features/change';
import { AcceptAgreementForm } from '../change-forms';
import { ChangeCompleted, ChangeEnded, ChangeInReview, ChangeRejected, ChangeScan, ChangeShell, CurrentSubject } from '../change-shell';
import { OldLegalRepFaceForm } from './face-check-form';
import { SubjectChangeProofsForm } from './proofs-form';
import { formatDateTimeLong } from '@/lib/format/date-time';

/** The bar's step of each state of the request (R-CHG-E1); an ended request shows its first step. */
const STEP_OF: Partial<Record<ChangeState, WizardStep<'change_subject'>>> = {
  face_check: 'face_check',
  face_checking: 'face_check',
  proofs: 'proofs',
  in_review: 'review',
  rejected: 'review',
  new_data: 'new_subject',
  verifying: 'new_subject',
  completed: 'done',
};

/** The request's data as submitted (numbers masked, SPEC §9) and its deadline. */
function RequestSummary({ d, open }: { d: EnterpriseSubjectChangeDetails; open: boolean }) {
  return (
    <dl className="info">
      <dt>变更前企业法人</dt>
      <dd>
        {d.legalRepName}（{d.legalRepIdMasked}）
      </dd>
      <dt>变更后企业名称</dt>
      <dd>{d.newName}</dd>
      <dt>社会信用代码</dt>
      <dd>{d.newCodeMasked}</dd>
      <dt>通讯地址</dt>
      <dd>{d.address}</dd>
      {open && d.expiresAt ? (
        <>
          <dt>申请有效期至</dt>
          <dd>{formatDateTimeLong(d.expiresAt)}（提交后 7 天内有效，逾期自动失效）</dd>
        </>
      ) : null}
    </dl>
  );
}

/** 变更企业主体（A企业变成B企业）(R-CHG-E1): the request at its step. */
export async function SubjectChangeSteps({ c, now }: { c: SubjectChangeView; now: Date }) {
  const user = await requireUser();
  const d = await getEnterpriseSubjectChange(await getServiceContext(), user.accountId, c.id);
  const open = c.state !== 'completed' && c.state !== 'cancelled' && c.state !== 'expired';
  const frame = (children: ReactNode) => (
    <ChangeShell wizard="change_subject" current={STEP_OF[c.state] ?? 'face_check'} c={c}>
      {children}
    </ChangeShell>
  );
  switch (c.state) {
    case 'face_check':
    case 'face_checking':
      return frame(
        <>
          <FaceStep c={c} d={d} now={now} />
          <RequestSummary d={d} open={open} />
        </>,
      );
    case 'proofs':
      return frame(
        <section aria-labelledby="proofs-title">
          <h2 id="proofs-title">上传证明材料</h2>
          <p role="status">变更前企业法人身份核验已通过。</p>
          <RequestSummary d={d} open={open} />
          <p>请下载变更申请表（已按本次申请预填），由变更前后企业盖章、法定代表人签字后扫描或拍照上传。</p>
          <p>
            <a className="button secondary" href={`/api/verification/change/application-form?id=${encodeURIComponent(c.id)}`} download>
              下载变更申请表
            </a>
          </p>
          <SubjectChangeProofsForm changeId={c.id} />
        </section>,
      );
    case 'in_review':
      return frame(
        <ChangeInReview c={c} review={d.review}>
          <RequestSummary d={d} open={open} />
        </ChangeInReview>,
      );
    case 'rejected':
      return frame(
        <ChangeRejected review={d.review} what="变更材料">
          <RequestSummary d={d} open={open} />
        </ChangeRejected>,
      );
    case 'new_data':
      return frame(
        <section aria-labelledby="new-data-title">
          <h2 id="new-data-title">新企业认证</h2>
          <p role="status">变更材料已审核通过。</p>
          {c.linked?.failureText ? (
            <p className="warning" role="alert">
              新企业认证未通过：{c.linked.failureText}。请核对后重新填写。
            </p>
          ) : null}
          <p>
            请按企业实名认证的流程填写新企业「{d.newName}」（社会信用代码 {d.newCodeMasked}）的信息，并任选一种认证方式完成认证；认证通过后账号即归属新企业。
          </p>
          {c.acceptNeeded ? (
            <AcceptAgreementForm changeId={c.id} wizard="enterprise" />
          ) : c.wizardHref ? (
            <Link className="button" href={c.wizardHref}>
              填写新主体信息
            </Link>
          ) : null}
          <RequestSummary d={d} open={open} />
        </section>,
      );
    case 'verifying':
      return frame(
        <section aria-labelledby="verifying-title">
          <h2 id="verifying-title">新企业认证中</h2>
          <p>请在认证页面完成新企业「{d.newName}」的认证；认证通过后变更即时生效。</p>
          {c.wizardHref ? (
            <Link className="button" href={c.wizardHref}>
              继续认证
            </Link>
          ) : null}
          <RequestSummary d={d} open={open} />
        </section>,
      );
    case 'completed':
      return frame(<ChangeCompleted c={c}>认证主体变更完成，账号已归属于 {c.newSubjectName}</ChangeCompleted>);
    default:
      return frame(
        <ChangeEnded c={c}>
          <RequestSummary d={d} open={false} />
        </ChangeEnded>,
      );
  }
}

/** R-CHG-E1: the old legal rep proves it is them by face (the ID typed when the request started). */
function FaceStep({ c, d, now }: { c: SubjectChangeView; d: EnterpriseSubjectChangeDetails; now: Date }) {
  const title = '变更前企业法人人脸识别';
  const session = c.session;
  const live = c.state === 'face_checking' && session?.state === 'open' ? session : null;
  const failed = c.state === 'face_check' && session && (session.state === 'failed' || session.state === 'completed');
  return (
    <section aria-labelledby="face-title">
      <h2 id="face-title">原企业法人身份核验</h2>
      <CurrentSubject s={c.subject} />
      <p className="muted">请由变更前企业法人 {d.legalRepName} 本人使用手机完成人脸识别，确认企业同意变更。</p>
      <ChangeScan
        c={c}
        now={now}
        title={title}
        hint="请使用手机扫描二维码，由变更前企业法人本人完成人脸识别"
        open={live}
        expired={session?.state === 'expired'}
        renew={(label) => <OldLegalRepFaceForm changeId={c.id} consentNeeded={c.faceConsentNeeded} label={label} />}
      />
      {failed ? (
        <p className="warning" role="alert">
          人脸识别未通过，请由变更前企业法人本人重新核验。
        </p>
      ) : null}
      {session?.state !== 'expired' ? (
        <OldLegalRepFaceForm changeId={c.id} consentNeeded={c.faceConsentNeeded} label={live ? '重新生成二维码' : '开始人脸识别'} />
      ) : null}
    </section>
  );
}
