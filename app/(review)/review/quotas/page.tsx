import type { Metadata } from 'next';
import { requireStaff } from '@/lib/auth/session';
import { quotaFilterSchema } from '@/lib/schemas/review';
import { getServiceContext } from '@/lib/features/runtime';
import { listEnterpriseQuotas } from '@/lib/features/enterprise';
import { formatDateTime } from '../_components/format';
import { Pagination } from '../_components/pagination';
import { QuotaByCodeForm, QuotaRowForm } from './quota-forms';
import { text } from '@/lib/messages';

export const metadata: Metadata = { title: '企业账号上限 - 审核后台 - 云控制台' };

/** R-LIM-2 / SPEC §7: account managers see accounts per enterprise and raise or lower a limit with a reason. */
export default async function QuotasPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaff(['account_manager']);
  const filter = quotaFilterSchema.parse(await searchParams);
  const list = await listEnterpriseQuotas(await getServiceContext(), staff.accountId, filter);
  return (
    <>
      <h1>企业账号上限</h1>
      <section className="panel" aria-labelledby="quota-title">
        <h2 id="quota-title">各企业的认证账号数</h2>
        <p className="muted">
          一个企业默认最多作为 {list.defaultLimit} 个账号的认证主体（R-LIM-2）。调低到当前账号数以下不影响已认证的账号，只是不能再新增；每次调整须填写原因并记入审计日志。
        </p>
        <form className="filters" method="get" action="/review/quotas" role="search" aria-label="查找企业">
          <div className="field">
            <label htmlFor="q">企业名称</label>
            <input id="q" name="q" type="search" defaultValue={filter.q ?? ''} maxLength={100} />
          </div>
          <button className="button secondary" type="submit">
            查找
          </button>
        </form>
        {list.enterprises.length === 0 ? (
          <p className="muted">没有符合条件的企业。</p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">企业名称</th>
                <th scope="col">社会信用代码</th>
                <th scope="col">当前账号数</th>
                <th scope="col">上限</th>
                <th scope="col">最近调整</th>
                <th scope="col">调整上限</th>
              </tr>
            </thead>
            <tbody>
              {list.enterprises.map((e, i) => (
                <tr key={e.identityKey}>
                  <td>{e.name ?? text('enterprise.quota.noSubject')}</td>
                  <td>{e.codeMasked ?? '—'}</td>
                  <td>{e.accounts}</td>
                  <td>
                    {e.limit}
                    {e.custom ? <span className="badge updated">已调整</span> : <span className="muted">（默认）</span>}
                  </td>
                  <td>
                    {e.updatedAt ? (
                      <>
                        {e.reason}
                        <div className="muted">
                          {formatDateTime(e.updatedAt)}
                          {e.updatedBy ? `，账号ID ${e.updatedBy}` : ''}
                        </div>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    <QuotaRowForm index={i} identityKey={e.identityKey} name={e.name ?? text('enterprise.quota.noSubject')} limit={e.limit} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pagination path="/review/quotas" params={{ q: filter.q }} page={list.page} pages={list.pages} />
      </section>
      <section className="panel">
        <QuotaByCodeForm />
      </section>
    </>
  );
}
