import type { Metadata } from 'next';
import { requireStaff } from '@/lib/auth/session';
import { AUDIT_ACTION_KINDS, type AuditActionKind } from '@/lib/domain/audit';
import { auditSearchSchema, type AuditSearchQuery } from '@/lib/schemas/review';
import { getServiceContext } from '@/lib/features/runtime';
import { searchAuditLog } from '@/lib/features/operations';
import { formatDateTime } from '../_components/format';
import { Pagination } from '../_components/pagination';

export const metadata: Metadata = { title: '审计日志 - 审核后台 - 云控制台' };

type Params = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** The query string of the current filter (account numbers, kinds and days only — no personal data in URLs). */
function queryOf(q: AuditSearchQuery): Record<string, string | undefined> {
  return { account: q.account, actor: q.actor, kind: q.kind, target: q.target, from: q.from, to: q.to };
}

/** 审计日志 (SPEC §7, §13): search by account, actor, kind and time; CSV export of the same rows. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Params> }) {
  const staff = await requireStaff();
  const raw = await searchParams;
  const parsed = auditSearchSchema.safeParse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v)])));
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? '_form')] ??= issue.message;
  const query = parsed.success ? parsed.data : null;
  const result = query ? await searchAuditLog(await getServiceContext(), staff.accountId, query) : null;
  const params = query ? queryOf(query) : {};
  const exportQuery = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();

  const field = (name: string, label: string, props: { type?: string; placeholder?: string; inputMode?: 'numeric' }) => (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        type={props.type ?? 'text'}
        inputMode={props.inputMode}
        placeholder={props.placeholder}
        defaultValue={first(raw[name])}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${name}-error` : undefined}
      />
      {errors[name] ? (
        <div className="error" id={`${name}-error`}>
          {errors[name]}
        </div>
      ) : null}
    </div>
  );

  return (
    <>
      <h1>审计日志</h1>
      <section className="panel" aria-labelledby="audit-search-title">
        <h2 id="audit-search-title">查询</h2>
        <form className="filters" method="get" action="/review/audit" role="search" aria-label="查询审计日志" noValidate>
          {field('account', '账号ID', { inputMode: 'numeric', placeholder: '10位数字' })}
          {field('actor', '操作人账号ID', { inputMode: 'numeric', placeholder: '10位数字' })}
          <div className="field">
            <label htmlFor="kind">操作类型</label>
            <select id="kind" name="kind" defaultValue={first(raw.kind)}>
              <option value="">全部类型</option>
              {(Object.keys(AUDIT_ACTION_KINDS) as AuditActionKind[]).map((k) => (
                <option key={k} value={k}>
                  {AUDIT_ACTION_KINDS[k].label}
                </option>
              ))}
            </select>
          </div>
          {field('from', '开始日期', { type: 'date' })}
          {field('to', '结束日期', { type: 'date' })}
          {field('target', '操作对象', { placeholder: '如 review_case:…' })}
          <button className="button secondary" type="submit">
            查询
          </button>
        </form>
        {result ? (
          <p>
            <a href={`/review/audit/export${exportQuery ? `?${exportQuery}` : ''}`} download>
              导出 CSV
            </a>
            <span className="muted">（当前查询条件下的全部记录，按时间正序；导出操作本身也会记入审计日志）</span>
          </p>
        ) : null}
      </section>

      {result ? (
        <section className="panel" aria-labelledby="audit-results-title">
          <h2 id="audit-results-title">查询结果（共 {result.total} 条）</h2>
          {result.rows.length === 0 ? (
            <p className="muted">没有符合条件的记录。</p>
          ) : (
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">时间</th>
                  <th scope="col">操作</th>
                  <th scope="col">操作人账号ID</th>
                  <th scope="col">账号ID</th>
                  <th scope="col">操作对象</th>
                  <th scope="col">详情</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <time dateTime={r.at.toISOString()}>{formatDateTime(r.at)}</time>
                    </td>
                    <td>
                      <code>{r.action}</code>
                    </td>
                    <td>{r.actorNumber ?? '—'}</td>
                    <td>{r.accountNumber ?? '—'}</td>
                    <td>{r.target ? <code>{r.target}</code> : '—'}</td>
                    <td>
                      <code>{JSON.stringify(r.data)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pagination path="/review/audit" params={params} page={result.page} pages={result.pages} />
        </section>
      ) : null}
    </>
  );
}
