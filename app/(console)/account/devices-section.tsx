import { ActionButton } from '@/app/_components/action-button';
import { formatDateTime } from '@/app/(review)/review/_components/format';
import type { CurrentUser } from '@/lib/auth/session';
import { getServiceContext } from '@/lib/features/runtime';
import { listAccountSessions } from '@/lib/features/account';
import { revokeOtherSessionsAction, revokeSessionAction } from './sessions-actions';
import '@/app/(review)/review/review.css';
import { text } from '@/lib/messages';

/** 登录设备 (SPEC §14): the account's live sessions, 当前设备 first, with 退出 and 退出其他设备. */
export async function DevicesSection({ user }: { user: CurrentUser }) {
  const listed = await listAccountSessions(await getServiceContext(), { accountId: user.accountId, currentSessionId: user.sessionId });
  const sessions = listed.map((s) => ({ ...s, device: s.device ?? text('account.session.unknownDevice'), addressMasked: s.addressMasked ?? text('account.session.unknownAddress') }));
  const others = sessions.filter((s) => !s.current).length;
  return (
    <section className="panel" aria-labelledby="devices-title">
      <h2 id="devices-title">登录设备</h2>
      <table className="data devices">
        <caption>浏览器和地址在登录时记录；地址只保留前几段。</caption>
        <thead>
          <tr>
            <th scope="col">浏览器</th>
            <th scope="col">登录地址</th>
            <th scope="col">登录时间</th>
            <th scope="col">最近活动</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id}>
              <td>
                {s.device}
                {s.current ? (
                  <>
                    {' '}
                    <span className="badge verified">当前设备</span>
                  </>
                ) : null}
              </td>
              <td>{s.addressMasked}</td>
              <td>{formatDateTime(s.signedInAt)}</td>
              <td>{formatDateTime(s.lastSeenAt)}</td>
              <td>
                {s.current ? (
                  <span className="muted">—</span>
                ) : (
                  <ActionButton
                    action={revokeSessionAction}
                    fields={{ sessionId: s.id }}
                    label="退出"
                    pendingLabel="正在退出…"
                    variant="secondary"
                    small
                    ariaLabel={`退出 ${s.device}（${formatDateTime(s.signedInAt)} 登录）`}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {others > 0 ? (
        <p>
          <ActionButton action={revokeOtherSessionsAction} label="退出其他设备" pendingLabel="正在退出…" variant="secondary" />
        </p>
      ) : (
        <p className="muted">没有其他设备登录此账号。</p>
      )}
    </section>
  );
}
