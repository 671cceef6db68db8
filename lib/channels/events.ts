import { z } from 'zod';
import type { ChannelSignal, SessionChannel } from '@/lib/domain/channel-session';

/**
 * The product's vocabulary of channel events, `{type, data}`, one zod schema per channel
 * (docs/channel-protocol.md): what a provider's result means to us, whether it was
 * pushed (a signed callback, parsed only after its signature was verified on the raw
 * body) or pulled (fetched by token). Every provider turns its own answers into these;
 * the simulator's callbacks carry them as they are. Stored as received in
 * channel_events and applied by one path (lib/features/channels/apply-channel-event.ts).
 */
const id = z.string().min(1).max(255);
const instant = z.iso.datetime({ offset: true });

const sessionExpired = z.object({ type: z.literal('auth_session.expired'), data: z.object({ sessionId: id, reference: id }) });

const personalCompleted = z.object({
  type: z.literal('auth_session.completed'),
  data: z.object({
    sessionId: id,
    reference: id,
    result: z.enum(['matched', 'mismatch', 'no_bank_card', 'declined']),
    birthDate: z.iso.date().optional(),
  }),
});

const faceCompleted = z.object({
  type: z.literal('face_session.completed'),
  data: z.object({ sessionId: id, reference: id, result: z.enum(['passed', 'liveness_failed', 'face_mismatch']) }),
});

const oaCompleted = z.object({
  type: z.literal('auth_session.completed'),
  data: z.object({
    sessionId: id,
    reference: id,
    result: z.enum(['authorized', 'declined']),
    verifiedEnterpriseName: z.string().max(200).nullable(),
  }),
});

const bankEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('transfer.received'),
    data: z.object({ transferId: id, fromAccount: z.string().min(1).max(64), fromName: z.string().min(1).max(200), amountFen: z.number().int().positive(), receivedAt: instant }),
  }),
  z.object({ type: z.literal('payout.settled'), data: z.object({ payoutId: id, reference: id, arrivedAt: instant }) }),
  z.object({ type: z.literal('payout.failed'), data: z.object({ payoutId: id, reference: id, reason: z.enum(['holder_name_mismatch', 'account_not_found']) }) }),
  z.object({ type: z.literal('refund.settled'), data: z.object({ refundId: id, reference: id, arrivedAt: instant }) }),
  z.object({ type: z.literal('withdrawal.settled'), data: z.object({ withdrawalId: id, reference: id, arrivedAt: instant }) }),
]);

const CALLBACK_SCHEMAS = {
  wechat: z.discriminatedUnion('type', [personalCompleted, sessionExpired]),
  qq: z.discriminatedUnion('type', [personalCompleted, sessionExpired]),
  face: z.discriminatedUnion('type', [faceCompleted, sessionExpired]),
  oa: z.discriminatedUnion('type', [oaCompleted, sessionExpired]),
  bank: bankEvent,
} as const;

/** Channels whose results arrive as events; registry and notify answer their calls directly and have none. */
export type CallbackChannel = keyof typeof CALLBACK_SCHEMAS;
/** One event of `C`, pushed or pulled. */
export type CallbackBody<C extends CallbackChannel = CallbackChannel> = z.output<(typeof CALLBACK_SCHEMAS)[C]>;

export type IdentityScanEvent = CallbackBody<'wechat' | 'qq'>;
export type FaceEvent = CallbackBody<'face'>;
export type OfficialAccountEvent = CallbackBody<'oa'>;
export type BankEvent = CallbackBody<'bank'>;

export function isCallbackChannel(value: string): value is CallbackChannel {
  return Object.hasOwn(CALLBACK_SCHEMAS, value);
}

/** A `{type, data}` value as one of this channel's events, or null when it is none. */
export function toChannelEvent<C extends CallbackChannel>(channel: C, json: unknown): CallbackBody<C> | null {
  const parsed = CALLBACK_SCHEMAS[channel].safeParse(json);
  return parsed.success ? (parsed.data as CallbackBody<C>) : null;
}

/** A JSON text (a verified callback's body, a stored event) as one of this channel's events, or null. */
export function parseCallbackBody<C extends CallbackChannel>(channel: C, rawBody: string): CallbackBody<C> | null {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return null;
  }
  return toChannelEvent(channel, json);
}

/** What the product does with a callback: move a channel session, or hand a bank event to the recharge / payout flows. */
export type CallbackMeaning =
  | {
      kind: 'session';
      channel: SessionChannel;
      sessionId: string;
      reference: string;
      signal: ChannelSignal;
      birthDate: string | null;
      verifiedEnterpriseName: string | null;
    }
  | { kind: 'bank'; body: CallbackBody<'bank'> };

type SessionBody = CallbackBody<'wechat' | 'qq' | 'face' | 'oa'>;

function sessionMeaning(channel: SessionChannel) {
  return (body: SessionBody): CallbackMeaning => {
    const base = { kind: 'session' as const, channel, sessionId: body.data.sessionId, reference: body.data.reference };
    if (body.type === 'auth_session.expired') return { ...base, signal: { kind: 'expired' }, birthDate: null, verifiedEnterpriseName: null };
    const data = body.data;
    return {
      ...base,
      signal: { kind: 'completed', result: data.result },
      birthDate: 'birthDate' in data ? (data.birthDate ?? null) : null,
      verifiedEnterpriseName: 'verifiedEnterpriseName' in data ? data.verifiedEnterpriseName : null,
    };
  };
}

function bankMeaning(body: CallbackBody<'bank'>): CallbackMeaning {
  return { kind: 'bank', body };
}

const MEANING: { [C in CallbackChannel]: (body: CallbackBody<C>) => CallbackMeaning } = {
  wechat: sessionMeaning('wechat'),
  qq: sessionMeaning('qq'),
  face: sessionMeaning('face'),
  oa: sessionMeaning('oa'),
  bank: bankMeaning,
};

/** The ids a stored event is found by: the channel's own id of the thing (session, transfer, payout…) and our reference. */
export function callbackSubject(meaning: CallbackMeaning): { subjectId: string; reference: string | null } {
  if (meaning.kind === 'session') return { subjectId: meaning.sessionId, reference: meaning.reference };
  const d = meaning.body.data;
  if ('transferId' in d) return { subjectId: d.transferId, reference: null };
  return { subjectId: 'payoutId' in d ? d.payoutId : 'refundId' in d ? d.refundId : d.withdrawalId, reference: d.reference };
}

export function callbackMeaning<C extends CallbackChannel>(channel: C, body: CallbackBody<C>): CallbackMeaning {
  return (MEANING[channel] as (b: CallbackBody<C>) => CallbackMeaning)(body);
}
