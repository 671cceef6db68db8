import { appendAudit } from '@/db/queries/audit';
import { findLatestSessionOfRequestScope, insertChannelSession } from '@/db/queries/channels';
import type { Tx } from '@/db/client';
import type { ChannelSessionRow } from '@/db/schema';
import { openAuthSession, type OpenedSession, type OpenSessionRequest } from '@/lib/channels/auth-sessions';
import { ChannelFailure } from '@/lib/channels/http-client';
import { auditTarget } from '@/lib/domain/audit';
import { effectiveState, type ChannelSessionPurpose } from '@/lib/domain/channel-session';
import { blindIndex } from '@/lib/security/crypto';
import { sendChannelRequest, type ChannelServiceContext } from './send-channel-request';
import { toChannelSessionView, type ChannelSessionView } from './get-channel-session';

export type OpenChannelSessionInput = OpenSessionRequest & {
  purpose: ChannelSessionPurpose;
  /** The account the session is for (audit look-ups); absent for staff-initiated checks. */
  accountId?: string | null;
  /**
   * The flow records the new session as its current one, in the transaction that stores
   * it: a callback can only find the session once that commits, so it can never arrive
   * "before" the flow knows its session (and be ignored as superseded).
   */
  onOpened?: (tx: Tx, session: ChannelSessionRow, now: Date) => Promise<void>;
  /**
   * The flow's current session, read inside the claiming transaction (so that a double
   * submit racing the first one's link sees it): only it may be answered again, not an
   * older live one the flow has moved away from (another method chosen since).
   */
  currentSession?: (tx: Tx) => Promise<string | null>;
};

/**
 * The scope of the opening request (channel_requests.reference): the flow's reference
 * and, keyed, the identity the session is for. A pending request — its key saved, its
 * outcome unknown after a timeout — is replayed only for the same identity; after the
 * user edits the name or number, or names another legal representative, a new request
 * with a new key is sent. Keyed (blind index): no clear ID number in channel_requests.
 */
function requestScope(request: OpenSessionRequest): string {
  return `${request.reference}:${sessionIdentityIndex(request)}`;
}

/** The keyed identity a session is opened for; a pulled result's person is checked against it (pull-channel-result). */
export function sessionIdentityIndex(request: OpenSessionRequest): string {
  const identity = request.channel === 'oa' ? 'oa' : [request.expectedName, request.channel === 'face' ? '' : request.idType, request.idNumber].join('\n');
  return blindIndex(identity, 'channel-session-identity');
}

const PROVIDER_CODE = /^[A-Za-z0-9_.-]{1,100}$/;

/**
 * Asks a channel (WeChat, QQ, face, Official Accounts) to open an authorisation session
 * and stores it, state `open`. The request is idempotent end to end: a live session
 * opened for the same reference and identity is answered as is (double submit), and a
 * retry after a timeout or a crash reuses the saved idempotency key, so the channel
 * opens one session. A channel failure throws a ChannelFailure (CHANNEL_TIMEOUT,
 * CHANNEL_UNAVAILABLE, CHANNEL_BAD_RESPONSE, CHANNEL_REJECTED) and opens nothing.
 */
export async function openChannelSession(ctx: ChannelServiceContext, input: OpenChannelSessionInput): Promise<ChannelSessionView> {
  const { purpose, accountId, onOpened, currentSession, ...request } = input;
  const scope = { channel: request.channel, operation: 'open_session', reference: requestScope(request) };
  try {
    const session = await sendChannelRequest<OpenedSession, ChannelSessionRow>(
      ctx,
      scope,
      {
        // A live session of this scope is the answer (double submit).
        existing: async (tx, now) => {
          const live = await findLatestSessionOfRequestScope(tx, scope);
          if (!live || live.purpose !== purpose || effectiveState(live, now) !== 'open') return undefined;
          return !currentSession || live.id === (await currentSession(tx)) ? live : undefined;
        },
        // The product clock's now: a provider that knows a token's lifetime counts it from there.
        call: async (key, transport) => openAuthSession(request, key, { ...transport, now: await ctx.clock.now() }),
        settle: async (tx, answer, key, at) => {
          const { row, inserted } = await insertChannelSession(tx, {
            channel: request.channel,
            purpose,
            reference: request.reference,
            accountId: accountId ?? null,
            externalSessionId: answer.sessionId,
            scanUrl: answer.scanUrl,
            expiresAt: answer.expiresAt,
            idempotencyKey: key,
            now: at,
          });
          if (inserted) {
            await onOpened?.(tx, row, at);
            await appendAudit(tx, {
              at,
              action: 'channel_session.opened',
              accountId: row.accountId,
              target: auditTarget('channel_session', row.id),
              data: { channel: row.channel, purpose, reference: row.reference, expiresAt: row.expiresAt.toISOString() },
            });
          }
          return row;
        },
      },
    );
    return toChannelSessionView(session, await ctx.clock.now());
  } catch (error) {
    if (error instanceof ChannelFailure) {
      await appendAudit(ctx.db, {
        at: await ctx.clock.now(),
        action: 'channel_session.open_failed',
        accountId: accountId ?? null,
        data: {
          channel: request.channel,
          purpose,
          reference: request.reference,
          failure: error.kind,
          httpStatus: error.info.httpStatus ?? null,
          // The provider's error code (Tencent Cloud's `AuthFailure.SignatureFailure`…) when it is a code: never a message, which may quote the input.
          ...(error.info.providerCode && PROVIDER_CODE.test(error.info.providerCode) ? { providerCode: error.info.providerCode } : {}),
        },
      });
    }
    throw error;
  }
}
