import { eq } from 'drizzle-orm';
import { enqueueCallback } from '../callbacks';
import { invalidField, notFound, SimError } from '../errors';
import { findOaAccount } from '../official-accounts';
import { findPhoneUser } from '../people';
import { channelSessions, phoneUsers, type PhoneChannel } from '../schema';
import type { ActInput } from '../schemas/control';
import type { Executor, World } from '../world';
import { decideScan } from './decide';
import { expireLockedSession } from './expire';

type Session = typeof channelSessions.$inferSelect;

export const SESSION_EXPIRED_MESSAGE = '二维码已过期，请返回电脑端重新获取';

/** The change an answer makes: a finished session (with its callback) or the QQ bind-card step. */
type Outcome =
  | { state: 'completed'; result: string; type: string; data: Record<string, unknown>; userId?: string; oaAccountId?: string }
  | { state: 'bind_card'; userId: string };

async function scanOutcome(tx: Executor, s: Session, channel: PhoneChannel, input: ActInput): Promise<Outcome> {
  const base = { sessionId: s.id, reference: s.reference };
  if (input.decision === 'decline') {
    return { state: 'completed', result: 'declined', type: 'auth_session.completed', data: { ...base, result: 'declined' }, userId: s.chosenUserId ?? input.userId };
  }
  const userId = input.userId ?? s.chosenUserId;
  if (!userId) throw invalidField('userId', '请选择模拟用户');
  const user = await findPhoneUser(tx, channel, userId);
  if (!user) throw invalidField('userId', `没有这个模拟${channel === 'wechat' ? '微信' : 'QQ'}用户`);
  // R-P-QQ: binding a card on the bind-card page makes it the user's card from now on.
  if (channel === 'qq' && input.bindCard && !user.bankCard) {
    await tx.update(phoneUsers).set({ bankCard: true }).where(eq(phoneUsers.id, user.id));
    user.bankCard = true;
  }
  const expected = { name: s.expectedName!, idType: s.expectedIdType!, idNumber: s.expectedIdNumber! };
  const decided = decideScan(channel, expected, user);
  if (decided === 'bind_card') return { state: 'bind_card', userId: user.id };
  const data = { ...base, result: decided, ...(decided === 'matched' ? { birthDate: user.birthDate } : {}) };
  return { state: 'completed', result: decided, type: 'auth_session.completed', data, userId: user.id };
}

function faceOutcome(s: Session, input: ActInput): Outcome {
  if (input.decision === 'decline') throw invalidField('decision', '人脸识别会话请选择识别结果后提交');
  if (!input.faceResult) throw invalidField('faceResult', '请选择识别结果');
  return {
    state: 'completed',
    result: input.faceResult,
    type: 'face_session.completed',
    data: { sessionId: s.id, reference: s.reference, result: input.faceResult },
  };
}

async function oaOutcome(tx: Executor, s: Session, input: ActInput): Promise<Outcome> {
  const base = { sessionId: s.id, reference: s.reference };
  if (input.decision === 'decline') {
    return { state: 'completed', result: 'declined', type: 'auth_session.completed', data: { ...base, result: 'declined', verifiedEnterpriseName: null } };
  }
  const oaAccountId = input.oaAccountId ?? input.userId;
  if (!oaAccountId) throw invalidField('oaAccountId', '请选择公众号');
  const account = await findOaAccount(tx, oaAccountId);
  if (!account) throw invalidField('oaAccountId', '没有这个公众号');
  return {
    state: 'completed',
    result: 'authorized',
    type: 'auth_session.completed',
    data: { ...base, result: 'authorized', verifiedEnterpriseName: account.verifiedEnterpriseName },
    oaAccountId: account.id,
  };
}

/**
 * The phone's answer to a session (SPEC §11.1 act): decides the result, stores it and
 * queues the signed callback in one transaction, with the session row locked so two
 * answers cannot both count. A session past its 5 minutes is expired (with its
 * `auth_session.expired` callback) and the late answer refused.
 */
export async function actOnSession(world: World, sessionId: string, input: ActInput): Promise<{ state: string; result: string | null }> {
  const now = await world.clock.now();
  const answer = await world.db.transaction(async (tx) => {
    const [s] = await tx.select().from(channelSessions).where(eq(channelSessions.id, sessionId)).for('update');
    if (!s) throw notFound('没有这个会话');
    if (s.state === 'completed') throw new SimError(409, 'session_completed', '该会话已完成，请返回电脑端查看结果');
    if (s.state === 'expired') return 'expired' as const;
    if (s.expiresAt.getTime() <= now.getTime()) {
      await expireLockedSession(tx, s, now);
      return 'expired' as const; // committed: the expiry stands although the answer is refused
    }

    const outcome =
      s.channel === 'face' ? faceOutcome(s, input) : s.channel === 'oa' ? await oaOutcome(tx, s, input) : await scanOutcome(tx, s, s.channel, input);

    if (outcome.state === 'bind_card') {
      await tx.update(channelSessions).set({ state: 'bind_card', chosenUserId: outcome.userId }).where(eq(channelSessions.id, s.id));
      return { state: 'bind_card', result: null };
    }
    await tx
      .update(channelSessions)
      .set({ state: 'completed', result: outcome.result, chosenUserId: outcome.userId ?? null, chosenOaAccountId: outcome.oaAccountId ?? null, completedAt: now })
      .where(eq(channelSessions.id, s.id));
    await enqueueCallback(tx, { channel: s.channel, url: s.callbackUrl, type: outcome.type, data: outcome.data }, now);
    return { state: 'completed', result: outcome.result };
  });
  if (answer === 'expired') throw new SimError(410, 'session_expired', SESSION_EXPIRED_MESSAGE);
  return answer;
}
