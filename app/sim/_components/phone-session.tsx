import { notFound } from 'next/navigation';
import { answerSessionAction } from '../_actions/phone';
import { simPage } from '../_lib';
import { CHANNEL_LABEL, ID_TYPE_LABEL, maskedIdentity, RESULT_LABEL } from '@/lib/simulators/display';
import { listOaAccounts } from '@/lib/simulators/official-accounts';
import { listPhoneUsers } from '@/lib/simulators/people';
import type { SessionChannel } from '@/lib/simulators/schema';
import { PHONE_ERROR_MESSAGE, type PhoneError } from '@/lib/simulators/schemas/phone';
import { findSession, type SessionRow } from '@/lib/simulators/sessions/view';
import { sweepWorld } from '@/lib/simulators/sweeps';
import { maskIdentifier } from '@/lib/domain/mask';

const TITLE: Record<SessionChannel, string> = {
  wechat: '微信支付实名信息授权',
  qq: 'QQ钱包实名信息授权',
  face: '人脸识别',
  oa: '微信公众平台授权',
};

function Expected({ session }: { session: SessionRow }) {
  const e = maskedIdentity({ name: session.expectedName, idType: session.expectedIdType, idNumber: session.expectedIdNumber });
  if (!e) return null;
  return (
    <dl className="info" aria-label="待核验的实名信息">
      <dt>姓名</dt>
      <dd>{e.name}</dd>
      <dt>证件类型</dt>
      <dd>{e.idTypeLabel}</dd>
      <dt>证件号码</dt>
      <dd>{e.idNumber}</dd>
    </dl>
  );
}

async function UserSelect({ channel }: { channel: 'wechat' | 'qq' }) {
  const { db } = await simPage();
  const users = await listPhoneUsers(db, channel);
  return (
    <div className="field">
      <label htmlFor="userId">模拟用户</label>
      <select id="userId" name="userId" aria-describedby="userId-hint" defaultValue="">
        <option value="" disabled>
          请选择模拟用户
        </option>
        {users.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}（{ID_TYPE_LABEL[u.idType]} {maskIdentifier(u.idNumber)}，{u.bankCard ? '已绑卡' : '未绑卡'}）
          </option>
        ))}
      </select>
      <div className="hint" id="userId-hint">
        扫码的{channel === 'wechat' ? '微信' : 'QQ'}用户（可在模拟器控制台添加）
      </div>
    </div>
  );
}

async function OaSelect() {
  const { db } = await simPage();
  const accounts = await listOaAccounts(db);
  return (
    <div className="field">
      <label htmlFor="oaAccountId">公众号</label>
      <select id="oaAccountId" name="oaAccountId" defaultValue="">
        <option value="" disabled>
          请选择公众号
        </option>
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}（{a.verifiedEnterpriseName ? `已认证：${a.verifiedEnterpriseName}` : '未认证'}）
          </option>
        ))}
      </select>
    </div>
  );
}

function AnswerButtons({ authorizeLabel = '授权', wechat }: { authorizeLabel?: string; wechat?: boolean }) {
  return (
    <div className="buttons">
      <button className={`button${wechat ? ' wechat' : ''}`} type="submit" name="decision" value="authorize">
        {authorizeLabel}
      </button>
      <button className="button secondary" type="submit" name="decision" value="decline">
        拒绝
      </button>
    </div>
  );
}

function OpenSessionForm({ session }: { session: SessionRow }) {
  const channel = session.channel;
  if (channel === 'face') {
    return (
      <form action={answerSessionAction}>
        <input type="hidden" name="sessionId" value={session.id} />
        <fieldset>
          <legend>识别结果</legend>
          {(['passed', 'liveness_failed', 'face_mismatch'] as const).map((r, i) => (
            <label key={r}>
              <input type="radio" name="faceResult" value={r} defaultChecked={i === 0} /> {RESULT_LABEL[r]}
            </label>
          ))}
        </fieldset>
        <div className="buttons">
          <button className="button" type="submit" name="decision" value="authorize">
            提交
          </button>
        </div>
      </form>
    );
  }
  return (
    <form action={answerSessionAction}>
      <input type="hidden" name="sessionId" value={session.id} />
      {channel === 'oa' ? <OaSelect /> : <UserSelect channel={channel} />}
      {channel === 'wechat' ? (
        <>
          <p className="muted">请确认以上信息与你的微信支付实名信息一致。</p>
          <label className="consent" htmlFor="agree">
            <input type="checkbox" id="agree" name="agree" value="yes" /> 我已阅读并同意《微信支付用户授权协议》
          </label>
        </>
      ) : null}
      {channel === 'qq' ? <p className="muted">请确认以上信息与你的QQ钱包实名信息一致。</p> : null}
      <AnswerButtons wechat={channel === 'wechat'} />
    </form>
  );
}

function BindCardForm({ session }: { session: SessionRow }) {
  return (
    <form action={answerSessionAction}>
      <input type="hidden" name="sessionId" value={session.id} />
      <input type="hidden" name="bindCard" value="yes" />
      <p className="warning">该QQ账号尚未绑定银行卡。绑定银行卡后才能使用QQ钱包实名信息完成认证。</p>
      <AnswerButtons authorizeLabel="立即绑定银行卡" />
    </form>
  );
}

/** A phone page (/sim/<channel>/s/{sessionId}): what the person who scanned the QR code sees. Works without JS. */
export async function PhoneSession({ channel, sessionId, error }: { channel: SessionChannel; sessionId: string; error?: string }) {
  const world = await simPage();
  await sweepWorld(world); // a session past its 5 minutes shows as expired
  const session = await findSession(world.db, sessionId);
  if (!session || session.channel !== channel) notFound();
  const message = error && error in PHONE_ERROR_MESSAGE ? PHONE_ERROR_MESSAGE[error as PhoneError] : null;

  return (
    <div className="phone">
      <h1>{TITLE[channel]}</h1>
      <div className="app">{channel === 'face' ? '云控制台 · 实名认证 请本人完成人脸识别' : `云控制台 申请使用你的${CHANNEL_LABEL[channel]}信息完成实名认证`}</div>
      {message ? (
        <div className="form-error" role="alert">
          {message}
        </div>
      ) : null}
      <Expected session={session} />
      {session.state === 'pending' ? <OpenSessionForm session={session} /> : null}
      {session.state === 'bind_card' ? <BindCardForm session={session} /> : null}
      {session.state === 'completed' ? (
        <>
          <p className="done">已完成，请返回电脑端查看结果</p>
          <p className="muted" style={{ textAlign: 'center' }}>
            {session.result ? RESULT_LABEL[session.result] : null}
          </p>
        </>
      ) : null}
      {session.state === 'expired' ? <p className="expired">二维码已过期，请返回电脑端重新获取</p> : null}
    </div>
  );
}
