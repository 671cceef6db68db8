import type { Clock } from '@/lib/clock';
import type { Env } from '@/lib/env';
import type { BankEvent, FaceEvent, IdentityScanEvent, OfficialAccountEvent } from './events';
import type { ChannelTransport } from './http-client';

/**
 * The channel-provider port (issue 17, docs/decisions/0027): one interface per kind of
 * channel, in the product's words. A provider is a folder under `providers/` that
 * implements some of them; configuration picks one provider per channel
 * (`CHANNEL_<NAME>_PROVIDER`, lib/channels/resolve.ts). The product calls only these
 * interfaces, through the resolver — never a provider folder.
 *
 * Failures are `ChannelFailure`s (./http-client.ts): timeout / unavailable (the outcome
 * is unknown: retry with the same idempotency key), bad_response / rejected (the channel
 * answered). A provider maps its own errors onto these four and never reports a failure
 * as a success. Every call with an effect takes the idempotency key the product saved
 * before calling (SECURITY 30); a provider without idempotency keys must make a retry
 * under the same key harmless some other way, or say so in its decision record.
 */

/** How a call leaves the process: tests pass a fake fetch and a shorter timeout; a worker's shutdown aborts. */
export type CallOptions = ChannelTransport;

/**
 * Opening a session also says when: `now` is the product clock's time of the call
 * (lib/clock); a provider that knows a lifetime rather than a deadline (a token valid
 * 7200 s) counts from it.
 */
export type OpenOptions = CallOptions & { now: Date };

// ---- sessions: identity scan (WeChat, QQ), face, Official Account ----

export type IdType = 'resident_id' | 'hk_macau_permit' | 'taiwan_permit';

/** A session a provider opened: its own id (a session id, a token), where the person goes, and until when. */
export interface OpenedSession {
  sessionId: string;
  /** Shown as the QR code / link: http(s) only. */
  scanUrl: string;
  expiresAt: Date;
}

/** A pushed result as it arrived: the exact bytes, before anything parses them. */
export interface ReceivedCallback {
  headers: Headers;
  rawBody: string;
  /** The product clock: a signature's timestamp is judged against it (SECURITY A2). */
  clock: Clock;
}

/** Why a callback was refused (codes of the audit row `callback.<problem>`, SECURITY 32). */
export interface CallbackRejection {
  problem: 'bad_signature' | 'bad_payload';
  reason: string;
}

/**
 * A verified and parsed callback: one product event, and the provider's delivery id —
 * the same on every retry of the delivery, so a repeated delivery is stored once.
 */
export type ReceivedEvent<E> = { ok: true; deliveryId: string; event: E } | ({ ok: false } & CallbackRejection);

/** Pushed: the provider calls `/api/callbacks/<channel>`; it verifies the signature on the raw body, then parses. */
export interface PushedResults<E> {
  receiveCallback(callback: ReceivedCallback): Promise<ReceivedEvent<E>>;
}

/** What a pull needs to know about the session. */
export interface SessionToPull {
  /** The provider's own id of the session (OpenedSession.sessionId): its token. */
  sessionId: string;
  /** Our reference, echoed in the event. */
  reference: string;
  /**
   * Whether the person a provider reports it verified is the one we asked for. A redirect
   * proves nothing and a pass counts only for our person; the product compares keyed
   * values it kept at opening, so the person's data stays with us.
   */
  isRequestedPerson(person: { name: string; idNumber: string }): boolean;
}

/** `settled: false`: no result yet (the person has not finished) — ask again later, until the session expires. */
export type PulledResult<E> = { settled: false } | { settled: true; event: E };

/** Pulled: the result fetched by token, after the person is redirected back or by polling. */
export interface PulledResults<E> {
  fetchResult(session: SessionToPull, options?: CallOptions): Promise<PulledResult<E>>;
}

/**
 * A channel on which the product opens a session and the provider later settles it —
 * pushed, pulled, or both (a provider implements at least one of the two; the resolver
 * refuses one with neither).
 */
export interface SessionPort<Request, E> extends Partial<PushedResults<E>>, Partial<PulledResults<E>> {
  openSession(request: Request, idempotencyKey: string, options: OpenOptions): Promise<OpenedSession>;
}

/** WeChat / QQ real-name authorisation: the scanned account's real-name record against the person typed. */
export type IdentityScanPort = SessionPort<{ reference: string; expectedName: string; idType: IdType; idNumber: string }, IdentityScanEvent>;

/** Face recognition (人脸识别): liveness and comparison with the registered photo of this person. */
export type FacePort = SessionPort<{ reference: string; expectedName: string; idNumber: string }, FaceEvent>;

/** The WeChat Official Account platform: which enterprise an account's administrator verified. */
export type OfficialAccountPort = SessionPort<{ reference: string }, OfficialAccountEvent>;

// ---- registry ----

export interface EnterpriseRecord {
  code: string;
  name: string;
  /** Former names, each with the day it stopped being the name. */
  nameHistory: { name: string; until: string }[];
  licenceType: 'business_licence' | 'other';
  legalRepName: string;
  status: 'active' | 'deregistered';
}

/** The enterprise registry: questions only, no effects (no idempotency keys). */
export interface RegistryPort {
  /** The registry's record, or null when it has none. */
  lookUpEnterprise(code: string, options?: CallOptions): Promise<EnterpriseRecord | null>;
  checkLegalRepresentative(input: { code: string; name: string; idNumber: string }, options?: CallOptions): Promise<boolean>;
}

// ---- bank ----

export interface ReceivingAccount {
  holderName: string;
  number: string;
  bank: string;
}

/** The bank: money out by request (settled later by pushed events), money in by pushed events only. */
export interface BankPort extends PushedResults<BankEvent> {
  receivingAccount(options?: CallOptions): Promise<ReceivingAccount>;
  requestPayout(
    input: { reference: string; toAccount: string; holderName: string; bank: string; amountFen: number },
    idempotencyKey: string,
    options?: CallOptions,
  ): Promise<{ payoutId: string; status: 'pending'; expectedArrival: string }>;
  requestRefund(input: { reference: string; transferId: string }, idempotencyKey: string, options?: CallOptions): Promise<{ refundId: string }>;
  requestWithdrawal(
    input: { reference: string; toAccount: string; holderName: string; amountFen: number },
    idempotencyKey: string,
    options?: CallOptions,
  ): Promise<{ withdrawalId: string }>;
}

// ---- notify ----

export interface OutgoingMessage {
  /** The outbox row's id. */
  reference: string;
  kind: 'email' | 'sms' | 'wechat';
  to: string;
  subject?: string;
  body: string;
  /**
   * The notification kind and its parameters (masked values only, never an ID, bank or
   * phone number): what a provider that sends only approved templates (Tencent Cloud SMS)
   * sends instead of `body`. Absent for messages that have no template (account e-mails).
   */
  template?: { kind: string; params: readonly string[] };
}

/**
 * E-mail, SMS and WeChat messages: handed over once per idempotency key. The SMS may go
 * through another provider than the rest (`CHANNEL_NOTIFY_SMS_PROVIDER`, resolve.ts).
 */
export interface NotifyPort {
  sendMessage(message: OutgoingMessage, idempotencyKey: string, options?: CallOptions): Promise<{ messageId: string }>;
}

// ---- providers ----

/** The port each channel is served through. */
export interface ChannelPorts {
  wechat: IdentityScanPort;
  qq: IdentityScanPort;
  face: FacePort;
  oa: OfficialAccountPort;
  registry: RegistryPort;
  bank: BankPort;
  notify: NotifyPort;
}

/** A provider: its name (the value of `CHANNEL_<NAME>_PROVIDER`) and the channels it serves. */
export interface ChannelProvider {
  name: string;
  ports: Partial<ChannelPorts>;
  /** The notify channel's SMS alone, from a provider that sends no e-mail or WeChat message (`CHANNEL_NOTIFY_SMS_PROVIDER`). */
  sms?: NotifyPort;
  /**
   * Start-up check of the provider's own configuration for what it was chosen for (a
   * channel, or `sms`): throws, naming the missing variables (never their values).
   */
  checkConfiguration?(use: keyof ChannelPorts | 'sms', e: Env): void;
}
