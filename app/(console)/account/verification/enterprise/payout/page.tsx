import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { ActionButton } from '@/app/_components/action-button';
import { AutoRefresh } from '@/app/_components/auto-refresh';
import { ScanExpired, ScanPanel } from '@/app/_components/scan-panel';
import { requireUser } from '@/lib/auth/session';
import { chinaCalendarDate } from '@/lib/domain/identity/calendar-date';
import { PAYOUT_ARRIVAL_PROMISE_BUSINESS_DAYS, PAYOUT_REVIEW_PROMISE_BUSINESS_DAYS } from '@/lib/domain/verification/payout-machine';
import { getServiceContext } from '@/lib/features/runtime';
import { getAccountReviewCase } from '@/lib/features/review';
import type { EnterpriseVerificationView } from '@/lib/features/enterprise';
import { getPayoutPage, type PayoutView } from '@/lib/features/payout';
import { leavePayoutAction } from './actions';
import { citiesByProvince } from '@/lib/geo/divisions';
import { PayoutDetailsForm } from './payout-details-form';
import { AmountForm, BankCorrectionForm, OperatorForm } from './small-forms';
import { EnterpriseFrame, EnterpriseIdentity } from '../enterprise-frame';
import { formatDateTime } from '@/lib/format/date-time';
import { wordItemToFix } from '@/app/_words/review';
import { text } from '@/lib/messages';

export const metadata: Metadata = { title: '企业对公打款认证 - 云控制台' };

const PAGE = '/account/verification/enterprise/payout';
const WIZARD = '/account/verification/enterprise';

/**
 * 企业对公打款认证 (SPEC R-E-PAY): one page that shows the run's current step — 完成填写,
 * 经办人身份核验, 审核中 (or 审核未通过), 打款中, 打款失败 and the correction, the amount
 * form — and links 对公打款进度查询. Every form is a plain HTML form (no JS needed).
 */
export default async function PayoutPage() {
  const user = await requireUser();
  const ctx = await getServiceContext();
  const [{ wizard, payout }, now] = await Promise.all([getPayoutPage(ctx, user.accountId), ctx.clock.now()]);
  if (wizard.kind !== 'verification') redirect(WIZARD);
  const v = wizard.verification;
  const today = chinaCalendarDate(now);

  // Not running as payout: the form, when the method may be chosen now; the wizard otherwise.
  if (v.state === 'draft' || v.state === 'awaiting_channel') {
    const option = v.offer?.options.find((o) => o.method === 'payout');
    return (
      <EnterpriseFrame title="企业对公打款认证" current="verify" changing={Boolean(wizard.change)}>
        <EnterpriseIdentity v={v} />
        <section aria-labelledby="details-title">
          <h2 id="details-title">填写对公账户信息</h2>
          {option?.available ? (
            <>
              <p className="muted">
                请填写企业对公银行账户及法定代表人信息并上传法人手持身份证照片。提交后需完成经办人身份核验，材料预计 {PAYOUT_REVIEW_PROMISE_BUSINESS_DAYS} 个工作日内完成审核；审核通过后我们将向该账户打入一笔随机金额（¥0.01–¥0.99），预计{PAYOUT_ARRIVAL_PROMISE_BUSINESS_DAYS}个工作日内到账，到账后 7 天内回填金额即可完成认证。
              </p>
              <PayoutDetailsForm verificationId={v.id} today={today} cityGroups={citiesByProvince()} />
            </>
          ) : (
            <p role="alert">{option?.reason ?? '该认证方式当前不可用，请选择其他方式'}</p>
          )}
        </section>
        <div className="actions">
          <Link className="button secondary" href={WIZARD}>
            更换其他认证方式
          </Link>
        </div>
      </EnterpriseFrame>
    );
  }
  if (v.method !== 'payout' || !payout || v.state !== 'awaiting_bank') redirect(WIZARD);

  return (
    <EnterpriseFrame title="企业对公打款认证" current="verify" changing={Boolean(wizard.change)}>
      <EnterpriseIdentity v={v} />
      <Step payout={payout} v={v} now={now} today={today} accountId={user.accountId} />
      <p>
        <Link href={`${PAGE}/progress`}>对公打款进度查询</Link>
      </p>
    </EnterpriseFrame>
  );
}

async function Step({ payout: p, v, now, today, accountId }: { payout: PayoutView; v: EnterpriseVerificationView; now: Date; today: ReturnType<typeof chinaCalendarDate>; accountId: string }) {
  const leave = (then: 'stay' | 'choose_method', label: string, variant: 'primary' | 'secondary' = 'secondary') => (
    <ActionButton action={leavePayoutAction} fields={{ verificationId: v.id, then }} label={label} pendingLabel="正在撤销…" variant={variant} />
  );
  switch (p.state) {
    case 'operator_check':
      return (
        <section aria-labelledby="operator-title">
          <h2 id="operator-title">经办人身份核验</h2>
          <BankSummary p={p} />
          {p.operatorSession ? (
            <ScanPanel
              title="经办人人脸识别"
              hint={`请经办人${p.operatorName ?? ''}（${p.operatorIdNumberMasked ?? ''}）使用手机扫描二维码，由本人完成人脸识别`}
              qrAlt="经办人人脸识别二维码"
              scanUrl={p.operatorSession.scanUrl}
              expiresAt={p.operatorSession.expiresAt}
              now={now}
              refreshHref={PAGE}
              statusUrl={`/api/verification/enterprise/payout/status?id=${encodeURIComponent(v.id)}`}
              state={p.state}
              sessionState={p.operatorSession.state}
            />
          ) : p.operatorFailure === 'verification.operatorFailure.operator_session_expired' ? (
            <ScanExpired title="经办人人脸识别">
              <p className="muted">请重新填写经办人信息获取新二维码。</p>
            </ScanExpired>
          ) : p.operatorFailure ? (
            <p className="warning" role="alert">
              {text(p.operatorFailure)}
            </p>
          ) : null}
          <p className="muted">请填写办理本次认证的经办人信息，并由经办人本人完成人脸识别。</p>
          <OperatorForm
            verificationId={v.id}
            today={today}
            defaults={p.operatorName ? { operatorName: p.operatorName } : {}}
            consentNeeded={p.operatorConsentNeeded}
            submitLabel={p.operatorSession ? '重新生成二维码' : '开始人脸识别'}
          />
          <div className="actions">{leave('choose_method', '更换其他认证方式')}</div>
        </section>
      );
    case 'under_review':
      return (
        <section aria-labelledby="review-title">
          <h2 id="review-title">审核中</h2>
          <dl className="info">
            <dt>提交时间</dt>
            <dd>{formatDateTime(p.submittedAt)}</dd>
            <dt>预计完成</dt>
            <dd>
              预计 {PAYOUT_REVIEW_PROMISE_BUSINESS_DAYS} 个工作日内完成审核{p.reviewDueAt ? `（${formatDateTime(p.reviewDueAt)} 前）` : ''}
            </dd>
          </dl>
          <BankSummary p={p} />
          <div className="actions">
            <Link className="button" href={PAGE}>
              刷新审核结果
            </Link>
            {leave('stay', '撤销审核')}
            {leave('choose_method', '更换其他认证方式')}
          </div>
          <AutoRefresh statusUrl={`/api/verification/enterprise/payout/status?id=${encodeURIComponent(v.id)}`} state={p.state} sessionState="" />
        </section>
      );
    case 'rejected': {
      const kase = p.reviewCaseId ? await getAccountReviewCase(await getServiceContext(), accountId, p.reviewCaseId) : null;
      return (
        <section aria-labelledby="rejected-title">
          <h2 id="rejected-title">审核未通过</h2>
          <p role="alert">您提交的对公打款材料未通过审核，请按提示修改后重新提交。</p>
          <ul>
            {kase?.itemsToFix.map(wordItemToFix).flatMap((i) =>
              i.reasons.map((r) => (
                <li key={`${i.key}-${r.label}`}>
                  {i.label}：{r.label}。{r.hint}
                </li>
              )),
            )}
          </ul>
          <div className="actions">
            {p.reviewCaseId ? (
              <Link className="button" href={`/account/reviews/${p.reviewCaseId}`}>
                修改并重新提交
              </Link>
            ) : null}
            {leave('stay', '撤销审核')}
            {leave('choose_method', '更换其他认证方式')}
          </div>
        </section>
      );
    }
    case 'payout_pending':
      return (
        <section aria-labelledby="pending-title">
          <h2 id="pending-title">审核通过，正在打款</h2>
          <p role="status">
            我们将向尾号 {p.bankAccountMasked.slice(-4)} 的对公账户打入一笔随机金额，预计{PAYOUT_ARRIVAL_PROMISE_BUSINESS_DAYS}个工作日内到账
            {p.expectedArrivalBy ? `（${formatDateTime(p.expectedArrivalBy)} 前）` : ''}。到账后请回到本页填写收款金额。
          </p>
          <BankSummary p={p} />
          <div className="actions">
            <Link className="button secondary" href={PAGE}>
              刷新
            </Link>
          </div>
          <AutoRefresh statusUrl={`/api/verification/enterprise/payout/status?id=${encodeURIComponent(v.id)}`} state={p.state} sessionState="" />
        </section>
      );
    case 'payout_failed':
      return (
        <section aria-labelledby="failed-title">
          <h2 id="failed-title">打款失败</h2>
          <p role="alert">{p.bankFailure ? text(p.bankFailure) : '银行未能完成打款'}。请核对并修改银行信息后重新提交审核（收款账户户名须与企业名称“{p.enterpriseName}”一致）。</p>
          <BankSummary p={p} />
          <BankCorrectionForm verificationId={v.id} defaults={{}} cityGroups={citiesByProvince()} />
          <div className="actions">{leave('choose_method', '更换其他认证方式')}</div>
        </section>
      );
    case 'awaiting_amount':
      return (
        <section aria-labelledby="amount-title">
          <h2 id="amount-title">填写收款金额</h2>
          <p>
            打款已于 {p.arrivedAt ? formatDateTime(p.arrivedAt) : ''} 到达尾号 {p.bankAccountMasked.slice(-4)} 的对公账户。请查询该账户的入账记录，在{' '}
            {p.amountDeadline ? formatDateTime(p.amountDeadline) : ''} 前填写收到的金额。
          </p>
          <AmountForm verificationId={v.id} chancesLeft={p.chancesLeft} />
        </section>
      );
    default:
      redirect(WIZARD);
  }
}



/** The submitted details, masked (SPEC §9). */
function BankSummary({ p }: { p: PayoutView }) {
  return (
    <dl className="info">
      <dt>企业银行卡账号</dt>
      <dd>{p.bankAccountMasked}</dd>
      <dt>开户银行</dt>
      <dd>{p.bankName}</dd>
      <dt>银行所在地</dt>
      <dd>{p.bankLocation}</dd>
      <dt>开户支行名</dt>
      <dd>{p.bankBranch}</dd>
      <dt>企业法人</dt>
      <dd>
        {p.legalRepName} {p.legalRepIdNumberMasked}
      </dd>
      {p.operatorName ? (
        <>
          <dt>经办人</dt>
          <dd>
            {p.operatorName} {p.operatorIdNumberMasked}
          </dd>
        </>
      ) : null}
    </dl>
  );
}
