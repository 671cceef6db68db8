import type { Metadata } from 'next';
import { requireStaff } from '@/lib/auth/session';
import { AppError, describeError } from '@/lib/errors';
import { accountLookupSchema } from '@/lib/schemas/redaction';
import { getServiceContext } from '@/lib/features/runtime';
import { getAccountPersonalDataSummary, type AccountPersonalDataSummary } from '@/lib/features/privacy';
import { text } from '@/lib/messages';
import { formatDateTime } from '../_components/format';
import { RedactForm } from './redact-form';

export const metadata: Metadata = { title: '删除个人信息 - 审核后台 - 云控制台' };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/**
 * 删除个人信息 (SPEC §13, ADR 0016): an account manager finds a user account by its 账号ID
 * (not personal data, so it may sit in the URL), sees what personal data it holds — counts
 * and masked values only — and redacts it with a reason when the user closes the account
 * or exercises the right to deletion.
 */
export default async function AccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaff(['account_manager']);
  const raw = first((await searchParams).accountNumber);
  let error: string | undefined;
  let summary: AccountPersonalDataSummary | undefined;
  if (raw) {
    const parsed = accountLookupSchema.safeParse({ accountNumber: raw });
    if (!parsed.success) error = parsed.error.issues[0]?.message;
    else {
      try {
        summary = await getAccountPersonalDataSummary(await getServiceContext(), staff.accountId, parsed.data.accountNumber);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        error = describeError(e.code, e.detail).message;
      }
    }
  }

  return (
    <>
      <h1>删除个人信息</h1>
      <section className="panel" aria-labelledby="lookup-title">
        <h2 id="lookup-title">查找账号</h2>
        <p className="muted">用户注销账号或行使删除权时，在此删除该账号的个人信息。删除前请确认该账号没有进行中的认证、打款、充值或变更申请，余额已提现。</p>
        <form className="filters" method="get" action="/review/accounts" role="search" aria-label="按账号ID查找账号" noValidate>
          <div className="field">
            <label htmlFor="accountNumber">账号ID</label>
            <input
              id="accountNumber"
              name="accountNumber"
              type="text"
              inputMode="numeric"
              placeholder="10位数字"
              maxLength={20}
              defaultValue={raw}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'accountNumber-error' : undefined}
            />
            {error ? (
              <div className="error" id="accountNumber-error">
                {error}
              </div>
            ) : null}
          </div>
          <button className="button secondary" type="submit">
            查找
          </button>
        </form>
      </section>
      {summary ? <Summary summary={summary} /> : null}
      {summary && !summary.closedAt ? (
        <section className="panel">
          <RedactForm accountNumber={summary.accountNumber} />
        </section>
      ) : null}
    </>
  );
}

function Summary({ summary }: { summary: AccountPersonalDataSummary }) {
  return (
    <section className="panel" aria-labelledby="held-title">
      <h2 id="held-title">账号 {summary.accountNumber} 持有的个人信息</h2>
      <dl className="info">
        <dt>注册时间</dt>
        <dd>{formatDateTime(summary.createdAt)}</dd>
        <dt>认证主体</dt>
        <dd>{summary.subject ? (summary.subject.kind === 'person' ? '个人' : `企业（${summary.subject.enterpriseName}）`) : '无'}</dd>
        <dt>账号状态</dt>
        <dd>{summary.closedAt ? `已注销（${formatDateTime(summary.closedAt)} 删除个人信息）` : '正常'}</dd>
      </dl>
      <p className="muted">号码只显示脱敏后的值，姓名只计数；企业名称和代码不是个人信息，删除后仍保留。</p>
      <table className="data">
        <caption className="visually-hidden">各类个人信息的数量（号码均已脱敏）</caption>
        <thead>
          <tr>
            <th scope="col">类别</th>
            <th scope="col">数量</th>
            <th scope="col">脱敏后的值</th>
          </tr>
        </thead>
        <tbody>
          {summary.kinds.map((k) => (
            <tr key={k.kind}>
              <th scope="row">{text(`privacy.dataKind.${k.kind}`)}</th>
              <td>{k.count}</td>
              <td>{k.masked.length > 0 ? k.masked.join('、') : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.empty ? <p role="status">该账号已不持有个人信息。</p> : null}
    </section>
  );
}
