import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AutoRefresh } from '@/app/_components/auto-refresh';
import { FailurePanel, SuccessPanel } from '@/app/_components/result-panels';
import { requireUser } from '@/lib/auth/session';
import { beijingMinute } from '@/lib/messages/beijing-time';
import { formatYuan } from '@/lib/domain/money';
import { getServiceContext } from '@/lib/features/runtime';
import type { EnterpriseVerificationView } from '@/lib/features/enterprise';
import { getRechargePage, type RechargeView } from '@/lib/features/recharge';
import { getRechargeStatus } from '@/lib/features/recharge';
import { RetryButton } from '../small-forms';
import { LeaveRechargeButton, PayerForm, SendToPhoneButton } from './recharge-forms';
import { EnterpriseFrame, EnterpriseIdentity } from '../enterprise-frame';
import { routeOf } from '@/app/_lib/routes';
import { text, textOf } from '@/lib/messages';

export const metadata: Metadata = { title: '充值认证 - 企业实名认证 - 云控制台' };

const WIZARD = '/account/verification/enterprise';
/** R-E-RCH 1: the ways a company can pay from its corporate account. */
const TRANSFER_ROUTES = ['网上银行', '手机银行', '电汇', '支票', '同城柜台现金存款'] as const;

export default async function RechargePage() {
  const user = await requireUser();
  const ctx = await getServiceContext();
  const page = await getRechargePage(ctx, user.accountId);

  switch (page.kind) {
    case 'elsewhere':
      redirect(routeOf(page.to));
    // falls through: redirect never returns
    case 'confirm':
      return (
        <EnterpriseFrame current="method" changing={page.verification.changing}>
          <EnterpriseIdentity v={page.verification} />
          <h2>充值认证</h2>
          <p className="muted">
            请确认付款账户：须为以企业名称开户的对公账户。确认后系统将生成一个随机金额（¥0.01–¥0.99），请在 7 个工作日内由该账户转账，款项将计入账户余额，可原路提现。
          </p>
          {page.unavailable ? (
            <p role="alert">{text(page.unavailable)}</p>
          ) : (
            <PayerForm verificationId={page.verification.id} enterpriseName={page.verification.enterpriseName} />
          )}
          <div className="actions">
            <Link className="button secondary" href={WIZARD}>
              更换其他认证方式
            </Link>
          </div>
        </EnterpriseFrame>
      );
    case 'awaiting': {
      const status = await getRechargeStatus(ctx, user.accountId, page.verification.id);
      return (
        <EnterpriseFrame current="verify" changing={page.verification.changing}>
          <EnterpriseIdentity v={page.verification} />
          <Awaiting v={page.verification} r={page.recharge} />
          <AutoRefresh statusUrl={`/api/verification/enterprise/recharge/status?id=${encodeURIComponent(page.verification.id)}`} state={status.state} sessionState={status.sessionState} />
        </EnterpriseFrame>
      );
    }
    case 'succeeded':
      return (
        <EnterpriseFrame current="done" changing={page.verification.changing}>
          <SuccessPanel
            message={
              <>
                恭喜，您已通过充值认证完成企业实名认证，账号归属于 {page.verification.enterpriseName}。
                {page.recharge ? `转账金额 ¥${formatYuan(page.recharge.amountFen)} 已计入账户余额，可原路提现。` : null}
              </>
            }
            next={
              <ul>
                <li>购买云产品：云服务器、数据库等资源现已可以购买</li>
                <li>余额：充值认证的转账已计入余额，可在余额页面原路提现</li>
              </ul>
            }
          >
            <Link className="button" href="/account/balance">
              查看余额
            </Link>
            <Link className="button secondary" href="/account/verification">
              查看认证信息
            </Link>
          </SuccessPanel>
        </EnterpriseFrame>
      );
    case 'failed':
      return (
        <EnterpriseFrame current="verify" changing={page.verification.changing}>
          <EnterpriseIdentity v={page.verification} />
          <FailurePanel text={page.verification.failure ? textOf(page.verification.failure.text) : '认证未通过'} extra={page.recharge ? <WrongTransfers r={page.recharge} /> : null}>
            {page.verification.failure?.code === 'enterprise_limit' || page.verification.failure?.code === 'subject_exists' ? (
              <Link className="button secondary" href="/account/verification">
                返回实名认证
              </Link>
            ) : (
              <>
                <RetryButton verificationId={page.verification.id} mode="same_method" method="recharge" label="重新认证" primary />
                <RetryButton verificationId={page.verification.id} mode="choose_method" label="更换其他认证方式" />
              </>
            )}
          </FailurePanel>
        </EnterpriseFrame>
      );
  }
}



function Awaiting({ v, r }: { v: EnterpriseVerificationView; r: RechargeView }) {
  return (
    <section aria-labelledby="recharge-title">
      <h2 id="recharge-title">充值认证</h2>
      <p>
        请使用户名为 <strong>{r.payerName}</strong> 的对公账户，向以下账户转账 <strong>¥{formatYuan(r.amountFen)}</strong>（金额须完全一致）。
      </p>
      <dl className="details">
        <dt>转账金额</dt>
        <dd>
          <strong>¥{formatYuan(r.amountFen)}</strong>
        </dd>
        <dt>收款户名</dt>
        <dd>{r.receiving.holderName}</dd>
        <dt>收款账户</dt>
        <dd>{r.receiving.accountNumber}</dd>
        <dt>收款银行</dt>
        <dd>{r.receiving.bank}</dd>
        <dt>转账方式</dt>
        <dd>{TRANSFER_ROUTES.join(' / ')}</dd>
        <dt>有效期至</dt>
        <dd>{beijingMinute(r.deadline)}（北京时间）</dd>
        <dt>预计完成时间</dt>
        <dd>转账到账后 {text(r.expectedTime)}内完成校验</dd>
        <dt>剩余验证机会</dt>
        <dd>
          {r.chancesLeft}/{r.chances}
        </dd>
      </dl>
      <p className="hint">金额或付款账户户名不符的转账将原路退回，并占用一次验证机会。</p>
      <WrongTransfers r={r} />
      <div className="actions">
        <SendToPhoneButton verificationId={v.id} />
        <Link className="button secondary" href={`${WIZARD}?step=edit`}>
          修改企业名称
        </Link>
        <LeaveRechargeButton verificationId={v.id} />
        <Link className="button secondary" href={routeOf('verification.enterprise.recharge')}>
          刷新结果
        </Link>
      </div>
    </section>
  );
}

function WrongTransfers({ r }: { r: RechargeView }) {
  if (r.wrongTransfers.length === 0) return null;
  return (
    <table>
      <caption>未通过校验的转账</caption>
      <thead>
        <tr>
          <th scope="col">转账金额</th>
          <th scope="col">付款户名</th>
          <th scope="col">原因</th>
          <th scope="col">退款状态</th>
        </tr>
      </thead>
      <tbody>
        {r.wrongTransfers.map((t) => (
          <tr key={t.id}>
            <td>¥{formatYuan(t.amountFen)}</td>
            <td>{t.payerName}</td>
            <td>{t.reason ? text(t.reason) : ''}</td>
            <td>{text(t.refundLabel)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
