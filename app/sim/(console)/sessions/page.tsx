import type { Metadata } from 'next';
import Link from 'next/link';
import { beijingTime, simPage } from '../../_lib';
import { listDeliveries } from '@/lib/simulators/delivery-log';
import { CHANNEL_LABEL, maskName, RESULT_LABEL, STATE_LABEL } from '@/lib/simulators/display';
import { listRecentSessions } from '@/lib/simulators/sessions/view';
import { sweepWorld } from '@/lib/simulators/sweeps';

export const metadata: Metadata = { title: '会话与回调 - 模拟器' };

const DELIVERY = { pending: '待发送 / 重试中', delivered: '已送达', failed: '已放弃' } as const;

export default async function SessionsPage() {
  const world = await simPage();
  await sweepWorld(world);
  const [sessions, deliveries] = await Promise.all([listRecentSessions(world.db, 30), listDeliveries(world.db, { limit: 50 })]);
  return (
    <>
      <h1>会话与回调</h1>
      <section className="panel" aria-labelledby="ses-title">
        <h2 id="ses-title">最近的会话</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">创建时间</th>
              <th scope="col">渠道</th>
              <th scope="col">待核验</th>
              <th scope="col">状态</th>
              <th scope="col">手机页面</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>{beijingTime(s.createdAt)}</td>
                <td>{CHANNEL_LABEL[s.channel]}</td>
                <td>{s.expectedName ? maskName(s.expectedName) : '—'}</td>
                <td>
                  {STATE_LABEL[s.state]}
                  {s.result ? `（${RESULT_LABEL[s.result]}）` : ''}
                </td>
                <td>
                  <Link href={`/sim/${s.channel}/s/${s.id}`}>打开</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel" aria-labelledby="cb-title">
        <h2 id="cb-title">回调投递</h2>
        <p className="muted">失败后按 1 秒、5 秒、30 秒、2 分钟、10 分钟重试，之后放弃。</p>
        <table>
          <thead>
            <tr>
              <th scope="col">时间</th>
              <th scope="col">事件</th>
              <th scope="col">状态</th>
              <th scope="col">尝试次数</th>
              <th scope="col">最近结果</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={d.id}>
                <td>{beijingTime(d.createdAt)}</td>
                <td>
                  {d.channel} · {d.type}
                </td>
                <td>{DELIVERY[d.status]}</td>
                <td>{d.attempts}</td>
                <td>{d.lastError ?? (d.lastStatus ? `HTTP ${d.lastStatus}` : '—')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
