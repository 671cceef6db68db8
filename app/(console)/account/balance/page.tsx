import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { beijingMinute } from '@/lib/domain/china-time';
import { formatYuan } from '@/lib/domain/money';
import { getServiceContext } from '@/lib/features/runtime';
import { getBalance } from '@/lib/features/account';
import { WithdrawButton } from './withdraw-button';
import { text } from '@/lib/messages';

export const metadata: Metadata = { title: '余额 - 云控制台' };

/** 余额 (R-E-RCH 3): the balance, its history, and 原路提现 of each credit back to the account it came from. */
export default async function BalancePage() {
  const user = await requireUser();
  const view = await getBalance(await getServiceContext(), user.accountId);
  return (
    <>
      <h1>余额</h1>
      <section className="panel" aria-labelledby="balance-title">
        <h2 id="balance-title">账户余额</h2>
        <p>
          余额：<strong>¥{formatYuan(view.balanceFen)}</strong>
        </p>
        <p className="hint">充值认证的转账计入余额，可原路提现至付款账户；提现到账时间以银行处理为准。</p>
      </section>
      <section className="panel" aria-labelledby="history-title">
        <h2 id="history-title">收支明细</h2>
        {view.entries.length === 0 ? (
          <p className="muted">暂无收支记录。</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">时间</th>
                <th scope="col">类型</th>
                <th scope="col">金额</th>
                <th scope="col">账户</th>
                <th scope="col">状态</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {view.entries.map((e) => (
                <tr key={e.id}>
                  <td>{beijingMinute(e.at)}</td>
                  <td>{text(e.label)}</td>
                  <td>
                    {e.kind === 'recharge_credit' ? '+' : '-'}¥{formatYuan(e.amountFen)}
                  </td>
                  <td>
                    {e.holderName} {e.bankAccountMasked}
                  </td>
                  <td>
                    {text(e.stateLabel)}
                    {e.failureText ? <div className="hint">{e.failureText}</div> : null}
                  </td>
                  <td>
                    {e.kind === 'recharge_credit' && e.withdrawableFen > 0 ? (
                      <WithdrawButton creditId={e.id} ariaLabel={`原路提现 ¥${formatYuan(e.withdrawableFen)} 至 ${e.bankAccountMasked}`} />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <p>
        <Link href="/account">返回账号信息</Link>
      </p>
    </>
  );
}
