import { appendAudit } from '@/db/queries/audit';
import { findChangeRequestOfVerification } from '@/db/queries/change-requests';
import { findPersonalVerification, recentPersonalFailures } from '@/db/queries/personal-verifications';
import type { PersonalVerificationRow } from '@/db/schema';
import { PERSON_TO_PERSON_METHODS } from '@/lib/domain/change/change-types';
import { offerPersonalMethods, type MethodOffer, type PersonalMethod } from '@/lib/domain/verification/personal-methods';
import { AppError } from '@/lib/errors';
import { decryptField } from '@/lib/security/crypto';
import { openChannelSession } from '@/lib/features/channels';
import { requireConsentInTx } from '@/lib/features/account';
import type { ChannelServiceContext } from '@/lib/features/channels';
import type { ServiceContext } from '../context';
import { lockOwnPersonal, movePersonal } from './personal-verification-steps';
import { DOCUMENT_NUMBER_CONTEXT } from '@/db/schema';

const DAY_MS = 24 * 60 * 60 * 1000;

/** R-LIM-5…7 for this account now: which methods step 2 offers, and which is 推荐. */
export async function personalMethodOffer(ctx: ServiceContext, row: PersonalVerificationRow, now: Date): Promise<MethodOffer> {
  const failures = await recentPersonalFailures(ctx.db, row.accountId, new Date(now.getTime() - DAY_MS));
  const offer = offerPersonalMethods({
    documentType: row.documentType,
    now,
    failures: failures.map((f) => f.at!),
    faceFailures: failures.filter((f) => f.method === 'face').map((f) => f.at!),
  });
  // R-CHG-P2: the new person of 变更个人主体 proves it by WeChat scan or face only.
  if (!(await findChangeRequestOfVerification(ctx.db, 'personal', row.id))) return offer;
  const allowed = (m: PersonalMethod | null) => m !== null && (PERSON_TO_PERSON_METHODS as readonly PersonalMethod[]).includes(m);
  return { ...offer, options: offer.options.filter((o) => allowed(o.method)), recommended: allowed(offer.recommended) ? offer.recommended : null };
}

/**
 * Step 2: opens a WeChat / QQ / face session for the confirmed identity and waits for
 * its result. Choosing again (a new code after expiry, or another method) opens a new
 * session; a result for the old one is then ignored as superseded.
 */
export async function choosePersonalMethod(
  ctx: ChannelServiceContext,
  accountId: string,
  verificationId: string,
  method: PersonalMethod,
  /** The face text's version ticked (SECURITY 17); not needed again once on record for this attempt. */
  consent?: string,
) {
  const now = await ctx.clock.now();
  const row = await findPersonalVerification(ctx.db, accountId, verificationId);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.state !== 'confirmed' && row.state !== 'awaiting_channel') throw new AppError('STEP_NOT_ALLOWED');

  const option = (await personalMethodOffer(ctx, row, now)).options.find((o) => o.method === method);
  if (!option?.available) {
    await appendAudit(ctx.db, { at: now, action: 'limit.method_refused', actorAccountId: accountId, accountId, data: { method } });
    throw new AppError('METHOD_UNAVAILABLE', option?.reason ? { reason: { code: option.reason } } : undefined);
  }

  if (method === 'face') {
    await ctx.db.transaction((tx) => requireConsentInTx(tx, { accountId, purpose: 'face', processRef: `personal_verification:${row.id}`, given: consent }, now));
  }

  const idNumber = decryptField(row.documentNumberEnc, DOCUMENT_NUMBER_CONTEXT);
  return openChannelSession(ctx, {
    ...(method === 'face'
      ? { channel: 'face', expectedName: row.realName, idNumber }
      : { channel: method, expectedName: row.realName, idType: row.documentType, idNumber }),
    reference: row.id,
    purpose: 'personal_verification',
    accountId,
    // Only the verification's current session is answered again (double submit); a new one is recorded as it is stored.
    currentSession: async (tx) => (await findPersonalVerification(tx, accountId, verificationId))?.channelSessionId ?? null,
    onOpened: async (tx, session, openedAt) => {
      const locked = await lockOwnPersonal(tx, accountId, verificationId);
      await movePersonal(tx, locked, 'open_session', openedAt, { method, channelSessionId: session.id });
    },
  });
}
