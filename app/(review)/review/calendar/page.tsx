import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaff } from '@/lib/auth/session';
import { getCalendarOverview } from '@/lib/features/calendar';
import { getServiceContext } from '@/lib/features/runtime';
import { formatDateTime } from '../_components/format';
import { ActionButton } from '@/app/_components/action-button';
import { removeCalendarYearAction } from './actions';
import { CalendarYearForm } from './calendar-forms';

export const metadata: Metadata = { title: '工作日日历 - 审核后台 - 云控制台' };

/**
 * 工作日日历 (SPEC §1): which years the business-day calendar knows (the chinese-days
 * package, or a schedule staff entered), and the form to enter a year's official schedule.
 */
export default async function CalendarPage({ searchParams }: { searchParams: Promise<{ year?: string; saved?: string; removed?: string }> }) {
  await requireStaff();
  const [overview, q] = await Promise.all([getCalendarOverview(await getServiceContext()), searchParams]);
  const editing = overview.years.find((y) => String(y.year) === q.year && y.source === 'staff');
  const defaultYear = q.year && /^\d{4}$/.test(q.year) ? q.year : String(overview.gap?.year ?? Number(overview.today.slice(0, 4)) + 1);
  return (
    <>
      <h1>工作日日历</h1>
      {q.saved ? (
        <p className="form-ok" role="status">
          已保存 {q.saved} 年的节假日安排。
        </p>
      ) : null}
      {q.removed ? (
        <p className="form-ok" role="status">
          已删除 {q.removed} 年的人工录入安排。
        </p>
      ) : null}
      <section className="panel" aria-labelledby="years-title">
        <h2 id="years-title">已知年份</h2>
        <p className="muted">
          审核时限、打款有效期等按中国大陆工作日计算：周末和法定节假日不算，调休上班日算。今天是 {overview.today}（北京时间）。
          {overview.gap ? null : ' 未来 60 天均已覆盖。'}
        </p>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">年份</th>
              <th scope="col">来源</th>
              <th scope="col">放假天数</th>
              <th scope="col">调休上班天数</th>
              <th scope="col">录入</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {overview.years.slice(0, 6).map((y) => (
              <tr key={y.year}>
                <td>{y.year}</td>
                <td>{y.source === 'staff' ? '人工录入' : '日历数据包（chinese-days）'}</td>
                <td>{y.holidayCount}</td>
                <td>{y.workdayCount}</td>
                <td>{y.enteredAt ? `${formatDateTime(y.enteredAt)}${y.enteredBy ? `，${y.enteredBy}` : ''}` : '—'}</td>
                <td>
                  {y.source === 'staff' ? (
                    <div className="actions" style={{ marginTop: 0 }}>
                      <Link href={`/review/calendar?year=${y.year}`} aria-label={`编辑 ${y.year} 年的安排`}>
                        编辑
                      </Link>
                      <ActionButton action={removeCalendarYearAction} fields={{ year: String(y.year) }} label="删除" variant="secondary" ariaLabel={`删除 ${y.year} 年的人工录入安排`} />
                    </div>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">仅列出最近 6 个年份。</p>
      </section>
      <section className="panel">
        <CalendarYearForm
          key={editing?.year ?? defaultYear}
          defaults={{ year: editing ? String(editing.year) : defaultYear, holidays: editing?.holidaysText ?? '', workdays: editing?.workdaysText ?? '' }}
        />
      </section>
    </>
  );
}
