import type { Metadata } from 'next';
import Link from 'next/link';
import { bankSettingsAction, createBankAccountAction, transferAction } from '../../_actions/console';
import { SimForm } from '../../_components/sim-form';
import { beijingTime, simPage } from '../../_lib';
import { listBankAccounts, readBankSettings } from '@/lib/simulators/bank/accounts';
import { listPayments } from '@/lib/simulators/bank/payments';
import { RECEIVING_ACCOUNT } from '@/lib/simulators/bank/receiving-account';
import { inboxOf } from '@/lib/simulators/bank/settle';
import { listTransfers } from '@/lib/simulators/bank/transfers';
import { yuan } from '@/lib/simulators/display';
import { sweepWorld } from '@/lib/simulators/sweeps';

export const metadata: Metadata = { title: '银行 - 模拟器' };

const KIND = { payout: '打款', refund: '退款', withdrawal: '提现' } as const;
const STATUS = { pending: '处理中', settled: '已到账', failed: '失败' } as const;
const FAILURE = { holder_name_mismatch: '户名不符', account_not_found: '账户不存在' } as const;

export default async function BankPage(props: { searchParams: Promise<{ account?: string }> }) {
  const world = await simPage();
  await sweepWorld(world);
  const { account } = await props.searchParams;
  const [accounts, settings, transfers, payments] = await Promise.all([
    listBankAccounts(world.db),
    readBankSettings(world.db),
    listTransfers(world.db, 20),
    listPayments(world.db, 20),
  ]);
  const selected = accounts.find((a) => a.number === account);
  const inbox = selected ? await inboxOf(world.db, selected.number) : [];

  return (
    <>
      <h1>模拟银行</h1>
      <section className="panel" aria-labelledby="recv-title">
        <h2 id="recv-title">收款账户（云服务商）</h2>
        <dl className="info">
          <dt>收款户名</dt>
          <dd>{RECEIVING_ACCOUNT.holderName}</dd>
          <dt>收款账户</dt>
          <dd>
            <code>{RECEIVING_ACCOUNT.number}</code>
          </dd>
          <dt>收款银行</dt>
          <dd>{RECEIVING_ACCOUNT.bank}</dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="acc-title">
        <h2 id="acc-title">对公账户</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">户名</th>
              <th scope="col">账号</th>
              <th scope="col">开户银行</th>
              <th scope="col">到账记录</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.number}>
                <td>{a.holderName}</td>
                <td>
                  <code>{a.number}</code>
                </td>
                <td>{a.bank}</td>
                <td>
                  <Link href={`/sim/bank?account=${a.number}#inbox-title`}>查看到账记录</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {selected ? (
        <section className="panel" aria-labelledby="inbox-title">
          <h2 id="inbox-title">到账记录：{selected.holderName}</h2>
          {inbox.length === 0 ? (
            <p className="muted">暂无到账。</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">到账时间</th>
                  <th scope="col">金额（元）</th>
                  <th scope="col">付款方</th>
                  <th scope="col">类型</th>
                </tr>
              </thead>
              <tbody>
                {inbox.map((m) => (
                  <tr key={m.paymentId}>
                    <td>{beijingTime(m.arrivedAt)}</td>
                    <td>{yuan(m.amountFen)}</td>
                    <td>{m.from}</td>
                    <td>{KIND[m.kind]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
      <div className="grid2">
        <section className="panel" aria-labelledby="transfer-title">
          <h2 id="transfer-title">转账到收款账户（充值认证）</h2>
          <SimForm
            id="transfer"
            action={transferAction}
            submitLabel="转账"
            fields={[
              { name: 'fromAccount', label: '付款账户', type: 'select', options: accounts.map((a) => ({ value: a.number, label: `${a.holderName}（${a.number}）` })) },
              { name: 'amountYuan', label: '转账金额（元）', placeholder: '0.37' },
            ]}
          />
        </section>
        <section className="panel" aria-labelledby="settings-title">
          <h2 id="settings-title">打款设置</h2>
          <SimForm
            id="settings"
            action={bankSettingsAction}
            submitLabel="保存"
            fields={[{ name: 'payoutDelayBusinessDays', label: '打款到账工作日数', defaultValue: String(settings.payoutDelayBusinessDays), hint: '0 表示即时到账；户名不符的打款会失败' }]}
          />
        </section>
      </div>
      <section className="panel" aria-labelledby="new-acc-title">
        <h2 id="new-acc-title">开立对公账户</h2>
        <SimForm
          id="new-acc"
          action={createBankAccountAction}
          submitLabel="开立账户"
          fields={[
            { name: 'holderName', label: '户名' },
            { name: 'number', label: '账号', hint: '8–30 位数字' },
            { name: 'bank', label: '开户银行' },
          ]}
        />
      </section>
      <section className="panel" aria-labelledby="moves-title">
        <h2 id="moves-title">最近的资金往来</h2>
        <table>
          <caption className="muted">转入收款账户</caption>
          <thead>
            <tr>
              <th scope="col">时间</th>
              <th scope="col">付款方</th>
              <th scope="col">金额（元）</th>
              <th scope="col">ID</th>
            </tr>
          </thead>
          <tbody>
            {transfers.map((t) => (
              <tr key={t.id}>
                <td>{beijingTime(t.receivedAt)}</td>
                <td>{t.fromName}</td>
                <td>{yuan(t.amountFen)}</td>
                <td>
                  <code>{t.id}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption className="muted">打款 / 退款 / 提现</caption>
          <thead>
            <tr>
              <th scope="col">申请时间</th>
              <th scope="col">类型</th>
              <th scope="col">收款方</th>
              <th scope="col">金额（元）</th>
              <th scope="col">状态</th>
              <th scope="col">预计 / 实际到账</th>
            </tr>
          </thead>
          <tbody>
            {payments.map((p) => (
              <tr key={p.id}>
                <td>{beijingTime(p.requestedAt)}</td>
                <td>{KIND[p.kind]}</td>
                <td>
                  {p.holderName} <code>{p.toAccount}</code>
                </td>
                <td>{yuan(p.amountFen)}</td>
                <td>
                  {STATUS[p.status]}
                  {p.failureReason ? `（${FAILURE[p.failureReason]}）` : ''}
                </td>
                <td>{beijingTime(p.arrivedAt ?? p.settleAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
