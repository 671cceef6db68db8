import { appendAudit } from '@/db/queries/audit';
import { findEnterpriseVerification, recentEnterpriseFailures } from '@/db/queries/enterprise-verifications';
import { recentPersonalFailures } from '@/db/queries/personal-verifications';
import { releaseAccountProcess } from '@/db/queries/subjects';
import type { EnterpriseVerificationRow } from '@/db/schema';
import type { OpenSessionRequest } from '@/lib/channels/auth-sessions';
import { checkLegalRepresentative } from '@/lib/channels/registry';
import { isEnterpriseInProgress } from '@/lib/domain/verification/enterprise-machine';
import {
  ENTERPRISE_METHOD_CHANNEL,
  NOT_BUSINESS_NOTICE,
  offerEnterpriseMethods,
  type EnterpriseMethodOffer,
} from '@/lib/domain/verification/enterprise-methods';
import { enterpriseFailureText, type EnterpriseFailure } from '@/lib/domain/verification/enterprise-outcome';
import { AppError } from '@/lib/errors';
import type { EnterpriseMethodInput } from '@/lib/schemas/enterprise-info';
import { decryptField, encryptField } from '@/lib/security/crypto';
import { createLimiter, type LimitRule } from '@/lib/security/rate-limit';
import { announceVerificationOutcome } from '@/lib/features/verification';
import type { ServiceContext } from '../context';
import { askRegistry, checkEnterpriseRegistry, registryCheckApplies } from './enterprise-registry-check';
import { ENTERPRISE_CODE_CONTEXT, ENTERPRISE_LEGAL_REP_ID_CONTEXT } from '@/db/schema';
import { lockOwnEnterprise, moveEnterprise } from './enterprise-verification-steps';
import { isUuid } from '@/lib/schemas/uuid';
import type { ChannelSessionView } from '@/lib/features/channels';
import { openChannelSession } from '@/lib/features/channels';
import { requireConsentInTx } from '@/lib/features/account';
import type { ChannelServiceContext } from '@/lib/features/channels';

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * R-E-REG is re-asked when a method is chosen if the last answer is older than this,
 * so that the registry's word is at most this old plus one session's life (5 min) when
 * a method completes.
 */
export const REGISTRY_FRESH_MS = 10 * 60 * 1000;
/**
 * Each legal-rep check tells whether a given person is an enterprise's legal
 * representative: a question worth limiting (on top of R-LIM-7's failure count).
 */
export const LEGAL_REP_CHECKS_PER_DAY: LimitRule = { name: 'enterprise-legal-rep-check-day', points: 10, durationSeconds: 24 * 60 * 60 };

export type EnterpriseMethodChoice =
  /** A session is open: show its QR code / link and wait (step 3 校验认证信息). */
  | { outcome: 'session'; session: ChannelSessionView }
  /** The registry does not list this person as legal representative: the attempt failed. */
  | { outcome: 'failed'; failure: { code: EnterpriseFailure; text: ReturnType<typeof enterpriseFailureText> } };

/**
 * R-E-TYPE and R-LIM-7 for this verification now. Failures of the account's personal
 * and enterprise verifications in the last 24 h both count ("an account with 3 or more
 * failed verifications").
 */
export async function enterpriseMethodOffer(ctx: ServiceContext, row: EnterpriseVerificationRow, now: Date): Promise<EnterpriseMethodOffer> {
  const since = new Date(now.getTime() - DAY_MS);
  const [enterprise, personal] = await Promise.all([
    recentEnterpriseFailures(ctx.db, row.accountId, since),
    recentPersonalFailures(ctx.db, row.accountId, since),
  ]);
  return offerEnterpriseMethods({
    licenceType: row.licenceType,
    code: decryptField(row.codeEnc, ENTERPRISE_CODE_CONTEXT),
    now,
    failures: [...enterprise, ...personal.flatMap((f) => (f.at ? [f.at] : []))],
  });
}

/**
 * Step 2 (SPEC §5.2): opens an Official Account session (R-E-OA), or a WeChat / face
 * session of the legal representative (R-E-LRWX / R-E-LRFACE) for the name and ID
 * typed, and waits for its result. Choosing again (a new code, another method, another
 * legal rep) opens a new session; a result for the old one is then ignored.
 *
 * The registry's legal-rep question is asked HERE, before the session opens, because
 * the result handler runs inside the callback's transaction where no HTTP call may be
 * made (it would hold row locks for a channel's latency, and a callback must be
 * answered quickly). A "no" fails the attempt at once (`legal_rep_not_registered`,
 * counted by R-LIM-7) without bothering the legal rep; a "yes" is recorded by the
 * session being opened and linked, and is valid for that one session (≤ 5 minutes):
 * every new code asks again. R-E-REG itself (code, name, 存续) is re-asked here when
 * older than REGISTRY_FRESH_MS.
 *
 * The session id is written to the verification in the same transaction that stores
 * the session (no callback can find the session without finding it linked); a double
 * submit shares the channel request (one session, SECURITY 8).
 */
export async function chooseEnterpriseMethod(
  ctx: ChannelServiceContext,
  accountId: string,
  input: EnterpriseMethodInput,
): Promise<EnterpriseMethodChoice> {
  const now = await ctx.clock.now();
  const row = isUuid(input.verificationId) ? await findEnterpriseVerification(ctx.db, accountId, input.verificationId) : undefined;
  if (!row) throw new AppError('NOT_FOUND');
  if (!isEnterpriseInProgress(row.state)) throw new AppError('STEP_NOT_ALLOWED');
  const { method } = input;

  const option = (await enterpriseMethodOffer(ctx, row, now)).options.find((o) => o.method === method);
  if (!option?.available) {
    await appendAudit(ctx.db, { at: now, action: 'limit.method_refused', actorAccountId: accountId, accountId, data: { method } });
    throw new AppError('METHOD_UNAVAILABLE', { reason: { code: option?.reason ?? NOT_BUSINESS_NOTICE } });
  }

  if (input.method === 'legal_rep_face') {
    await ctx.db.transaction((tx) =>
      requireConsentInTx(tx, { accountId, purpose: 'face', processRef: `enterprise_verification:${row.id}`, given: input.consent }, now),
    );
  }

  const code = decryptField(row.codeEnc, ENTERPRISE_CODE_CONTEXT);
  let registryCheckedAt = row.registryCheckedAt;
  if (registryCheckApplies(row.licenceType, code) && (!registryCheckedAt || now.getTime() - registryCheckedAt.getTime() > REGISTRY_FRESH_MS)) {
    if (await checkEnterpriseRegistry(ctx, accountId, { licenceType: row.licenceType, code, enterpriseName: row.enterpriseName }, now)) {
      registryCheckedAt = now;
    }
  }

  const legalRep = input.method === 'oa' ? null : { name: input.legalRepName, idNumber: input.legalRepIdNumber };
  if (legalRep) {
    if (!(await createLimiter(ctx.db, LEGAL_REP_CHECKS_PER_DAY).take(accountId)).allowed) {
      await appendAudit(ctx.db, { at: now, action: 'limit.legal_rep_checks', actorAccountId: accountId, accountId, data: { rule: LEGAL_REP_CHECKS_PER_DAY.name } });
      throw new AppError('RATE_LIMITED');
    }
    const listed = await askRegistry(ctx, accountId, now, (transport) =>
      checkLegalRepresentative({ code, name: legalRep.name, idNumber: legalRep.idNumber }, transport),
    );
    if (!listed) {
      const failure: EnterpriseFailure = 'legal_rep_not_registered';
      const at = await ctx.clock.now();
      await ctx.db.transaction(async (tx) => {
        const locked = await lockOwnEnterprise(tx, accountId, row.id);
        await moveEnterprise(tx, locked, 'check_failed', at, {
          method,
          legalRepName: legalRep.name,
          legalRepIdNumberEnc: encryptField(legalRep.idNumber, ENTERPRISE_LEGAL_REP_ID_CONTEXT),
          channelSessionId: null,
          failureCode: failure,
          registryCheckedAt,
          completedAt: at,
        });
        await releaseAccountProcess(tx, accountId, locked.id);
        await announceVerificationOutcome(tx, accountId, { verificationId: locked.id, subject: 'enterprise', method, failure: { code: failure, text: enterpriseFailureText(failure) } }, at);
      });
      return { outcome: 'failed', failure: { code: failure, text: enterpriseFailureText(failure) } };
    }
  }

  const channel = ENTERPRISE_METHOD_CHANNEL[method];
  const identity: OpenSessionRequest =
    channel === 'oa' || !legalRep
      ? { channel: 'oa', reference: row.id }
      : channel === 'face'
        ? { channel, reference: row.id, expectedName: legalRep.name, idNumber: legalRep.idNumber }
        : { channel: 'wechat', reference: row.id, expectedName: legalRep.name, idType: 'resident_id', idNumber: legalRep.idNumber };
  const session = await openChannelSession(ctx, {
    ...identity,
    purpose: 'enterprise_verification',
    accountId,
    // Only the verification's current session is answered again (double submit); a new one is linked as it is stored.
    currentSession: async (tx) => {
      const current = await findEnterpriseVerification(tx, accountId, row.id);
      return current?.state === 'awaiting_channel' ? current.channelSessionId : null;
    },
    onOpened: async (tx, opened, at) => {
      const current = await lockOwnEnterprise(tx, accountId, row.id);
      if (!isEnterpriseInProgress(current.state)) throw new AppError('STEP_NOT_ALLOWED');
      await moveEnterprise(tx, current, 'open_session', at, {
        method,
        channelSessionId: opened.id,
        legalRepName: legalRep?.name ?? null,
        legalRepIdNumberEnc: legalRep ? encryptField(legalRep.idNumber, ENTERPRISE_LEGAL_REP_ID_CONTEXT) : null,
        registryCheckedAt,
        failureCode: null,
      });
    },
  });
  return { outcome: 'session', session };
}
