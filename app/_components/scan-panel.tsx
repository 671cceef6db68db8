import Link from 'next/link';
import type { ReactNode } from 'react';
import QRCode from 'qrcode';
import { AutoRefresh } from './auto-refresh';
import { env } from '@/lib/env';
import { formatDateTime } from '@/lib/format/date-time';
import { text } from '@/lib/messages';

/** A phone page of the simulated world (ours, under /sim) rather than a real provider's (Tencent Cloud's H5). */
function isSimulatorPage(scanUrl: string): boolean {
  const url = new URL(scanUrl, env().APP_URL);
  return env().SIMULATORS_ENABLED && url.origin === new URL(env().APP_URL).origin && url.pathname.startsWith('/sim/');
}

/**
 * The waiting panel of a channel session (R-P-WX and the methods like it): the QR code
 * as an image *and* a link to the same URL — 在模拟器中打开 for the simulator's phone
 * page, 打开认证页面 for a real provider's (Tencent Cloud 人脸核身) — the code's deadline,
 * and 刷新结果 for users without JS; with JS the page follows the session by itself.
 */
export async function ScanPanel(props: {
  title: string;
  hint: ReactNode;
  qrAlt: string;
  scanUrl: string;
  expiresAt: Date;
  now: Date;
  /** The wizard page itself (刷新结果 reloads it). */
  refreshHref: string;
  /** Polled with JS: answers `{state, sessionState}`. */
  statusUrl: string;
  state: string;
  sessionState: string;
}) {
  const qr = await QRCode.toDataURL(props.scanUrl, { margin: 1, width: 200 });
  const minutes = Math.max(0, Math.ceil((props.expiresAt.getTime() - props.now.getTime()) / 60000));
  return (
    <section className="waiting" aria-labelledby="waiting-title">
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL generated on the server */}
      <img className="qr" src={qr} width={200} height={200} alt={props.qrAlt} />
      <div>
        <h2 id="waiting-title">{props.title}</h2>
        <p>{props.hint}</p>
        {isSimulatorPage(props.scanUrl) ? (
          <p>
            <a href={props.scanUrl} target="_blank" rel="noopener">
              在模拟器中打开
            </a>
            <span className="muted">（模拟环境：在新窗口打开手机页面）</span>
          </p>
        ) : (
          <p>
            <a href={props.scanUrl} target="_blank" rel="noopener noreferrer">
              {text('channels.scan.open')}
            </a>
            <span className="muted">{text('channels.scan.open_hint')}</span>
          </p>
        )}
        <p className="muted">
          等待手机端结果… 二维码有效期至 {formatDateTime(props.expiresAt)}（约 {minutes} 分钟）
        </p>
        <Link className="button secondary" href={props.refreshHref}>
          刷新结果
        </Link>
      </div>
      <AutoRefresh statusUrl={props.statusUrl} state={props.state} sessionState={props.sessionState} />
    </section>
  );
}

/** The same panel once the code ran out (5 minutes on the simulator, 2 hours for a Tencent Cloud token): why, and the way to a new code (`children`). */
export function ScanExpired({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="waiting ended" aria-labelledby="expired-title">
      <div>
        <h2 id="expired-title">{title}</h2>
        <p role="alert">{text('channels.scan.expired')}</p>
        {children}
      </div>
    </section>
  );
}
