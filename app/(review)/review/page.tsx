import type { Metadata } from 'next';
import { requireStaff } from '@/lib/auth/session';

export const metadata: Metadata = { title: '审核后台 - 云控制台' };

export default async function ReviewQueuePage() {
  const staff = await requireStaff();
  return (
    <>
      <h1>审核后台</h1>
      <section className="panel" aria-labelledby="queue-title">
        <h2 id="queue-title">待审核工单</h2>
        <p className="muted">暂无待审核的工单。</p>
        <p className="muted">当前身份：{staff.role === 'reviewer' ? '审核员' : '客户经理'}</p>
      </section>
    </>
  );
}
