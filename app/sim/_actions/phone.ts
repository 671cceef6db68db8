'use server';

import { redirect } from 'next/navigation';
import { isSimError } from '@/lib/simulators/errors';
import { type PhoneError, phoneAnswerSchema } from '@/lib/simulators/schemas/phone';
import { actOnSession } from '@/lib/simulators/sessions/act';
import { findSession } from '@/lib/simulators/sessions/view';
import { nudgeSimulatorWorker } from '@/lib/simulators/worker';
import { getWorld, simulatorsEnabled } from '@/lib/simulators/world';

function errorOf(error: unknown): PhoneError {
  if (!isSimError(error)) throw error;
  if (error.code === 'session_expired') return 'expired';
  if (error.code === 'session_completed') return 'completed';
  if (error.field === 'userId') return 'user';
  if (error.field === 'oaAccountId') return 'oa';
  if (error.field === 'faceResult') return 'face';
  return 'invalid';
}

/**
 * The phone's answer (授权 / 拒绝 / 提交 / 立即绑定银行卡), posted by a plain HTML form:
 * works without JavaScript. The session id is the only capability a phone page needs.
 * Always answers with a redirect to the session's page, which shows the new state.
 */
export async function answerSessionAction(formData: FormData): Promise<void> {
  if (!simulatorsEnabled()) redirect('/');
  const parsed = phoneAnswerSchema.safeParse(Object.fromEntries([...formData.entries()].filter(([k, v]) => !k.startsWith('$ACTION') && v !== '')));
  const sessionId = String(formData.get('sessionId') ?? '');
  const world = await getWorld();
  const session = await findSession(world.db, sessionId);
  if (!session) redirect('/sim');
  const page = `/sim/${session.channel}/s/${session.id}`;
  if (!parsed.success) redirect(`${page}?error=${parsed.error.issues[0]?.path[0] === 'faceResult' ? 'face' : 'invalid'}`);

  const a = parsed.data;
  let error: PhoneError | null = null;
  // R-P-WX: the agreement is the user's consent to share the WeChat Pay real-name record.
  if (session.channel === 'wechat' && a.decision === 'authorize' && a.agree !== 'yes') error = 'agreement';
  else {
    try {
      await actOnSession(world, session.id, {
        decision: a.decision,
        userId: a.userId,
        oaAccountId: a.oaAccountId,
        faceResult: a.faceResult,
        bindCard: a.bindCard === 'yes',
      });
      nudgeSimulatorWorker();
    } catch (e) {
      error = errorOf(e);
    }
  }
  redirect(error ? `${page}?error=${error}` : page);
}
