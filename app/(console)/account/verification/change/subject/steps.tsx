import Link from 'next/link';
import type { ReactNode } from 'react';
import { ScanExpired, ScanPanel } from '@/app/_components/scan-panel';
import { requireUser } from '@/lib/auth/session';
import { getServiceContext } from '@/lib/services/context';
import { getEnterpriseSubjectChange, type EnterpriseSubjectChangeDetails } from '@/lib/services/get-enterprise-subject-change';
import type { SubjectChangeView } from '@/lib/services/get-subject-change';
import { AcceptAgreementForm } from '../change-forms';
import { CHANGE_PAGE, ChangeEnded, ChangeShell, changeTimeFormat, CurrentSubject } from '../change-shell';
import { OldLegalRepFaceForm } from './face-check-form';
import { SubjectChangeProofsForm } from './proofs-form';

/** R-CHG-E1's steps: 1 原企业法人身份核验 > 2 上传证明材料 > 3 审核 > 4 新企业认证 > 5 变更完成 */
const STEPS = ['原企业法人身份核验', '上传证明材料', '审核', '新企业认证', '变更完成'] as const;

const STEP_OF: Record<string, number> = { face_check: 1, face_checking: 1, proofs: 2, in_review: 3, rejected: 3, new_data: 4, verifying: 4, completed: 5 };

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
          <dd>{changeTimeFormat.format(d.expiresAt)}（提交后 7 天内有效，逾期自动失效）</dd>
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
    <ChangeShell steps={STEPS} current={STEP_OF[c.state] ?? 1} c={c}>
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
        <section aria-labelledby="review-title">
          <h2 id="review-title">审核中</h2>
          <dl className="info">
            {d.review ? (
              <>
                <dt>提交时间</dt>
                <dd>{changeTimeFormat.format(d.review.submittedAt)}</dd>
                <dt>预计完成</dt>
                <dd>预计 1 个工作日内完成审核（{changeTimeFormat.format(d.review.dueAt)} 前），审核结果将通过邮件、短信和站内信通知您</dd>
              </>
            ) : null}
          </dl>
          <RequestSummary d={d} open={open} />
          <div className="actions">
            <Link className="button" href={CHANGE_PAGE}>
              刷新审核结果
            </Link>
            {d.review ? (
              <Link className="button secondary" href={`/account/reviews/${d.review.id}`}>
                查看审核材料
              </Link>
            ) : null}
          </div>
        </section>,
      );
    case 'rejected':
      return frame(
        <section aria-labelledby="rejected-title">
          <h2 id="rejected-title">审核未通过</h2>
          <p role="alert">您提交的变更材料未通过审核，请按提示修改后重新提交。</p>
          <ul>
            {d.review?.itemsToFix.flatMap((i) =>
              i.reasons.map((r) => (
                <li key={`${i.key}-${r.label}`}>
                  {i.label}：{r.label}。{r.hint}
                </li>
              )),
            )}
          </ul>
          <RequestSummary d={d} open={open} />
          {d.review ? (
            <div className="actions">
              <Link className="button" href={`/account/reviews/${d.review.id}`}>
                修改并重新提交
              </Link>
            </div>
          ) : null}
        </section>,
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
      return frame(
        <section className="result ok" aria-labelledby="done-title">
          <h2 id="done-title">变更完成</h2>
          <p role="status">
            认证主体变更完成，账号已归属于 {c.newSubjectName}
            {c.completedAt ? `（${changeTimeFormat.format(c.completedAt)}）` : ''}。
          </p>
          <div className="actions">
            <Link className="button" href="/account/verification">
              查看认证信息
            </Link>
            <Link className="button secondary" href="/account">
              管理账号信息
            </Link>
          </div>
        </section>,
      );
    default:
      return frame(
        <>
          <ChangeEnded c={c} />
          <RequestSummary d={d} open={false} />
          <Link className="button" href="/account/verification">
            返回实名认证
          </Link>
        </>,
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
      {live ? (
        <ScanPanel
          title={title}
          hint="请使用手机扫描二维码，由变更前企业法人本人完成人脸识别"
          qrAlt={`${title}二维码`}
          scanUrl={live.scanUrl}
          expiresAt={live.expiresAt}
          now={now}
          refreshHref={CHANGE_PAGE}
          statusUrl={`/api/verification/change/status?id=${encodeURIComponent(c.id)}`}
          state={c.state}
          sessionState={live.state}
        />
      ) : null}
      {session?.state === 'expired' ? (
        <ScanExpired title={title}>
          <OldLegalRepFaceForm changeId={c.id} consentNeeded={c.faceConsentNeeded} label="获取新二维码" />
        </ScanExpired>
      ) : null}
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
