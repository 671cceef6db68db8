import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  pgSchema,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * The simulated providers' own tables, in their own Postgres schema (`sim`), so that
 * the product can never mistake them for its data (ARCHITECTURE rule 2). Times are
 * world time (the shared clock, docs/decisions/0003); money is integer fen.
 */
export const sim = pgSchema('sim');

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export type PhoneChannel = 'wechat' | 'qq';
export type SessionChannel = PhoneChannel | 'face' | 'oa';
export type IdType = 'resident_id' | 'hk_macau_permit' | 'taiwan_permit';

/** WeChat and QQ users with their WeChat Pay / QQ Wallet real-name record. */
export const phoneUsers = sim.table(
  'phone_users',
  {
    id: text('id').primaryKey(),
    channel: text('channel').$type<PhoneChannel>().notNull(),
    name: text('name').notNull(),
    idType: text('id_type').$type<IdType>().notNull(),
    idNumber: text('id_number').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    bankCard: boolean('bank_card').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('phone_users_channel_idx').on(t.channel, t.createdAt)],
);

export type SessionState = 'pending' | 'bind_card' | 'completed' | 'expired';

/**
 * One authorisation session of any channel (WeChat / QQ scan, face check, Official
 * Account authorisation): the phone pages and the act API work on all of them alike.
 */
export const channelSessions = sim.table(
  'channel_sessions',
  {
    id: text('id').primaryKey(),
    channel: text('channel').$type<SessionChannel>().notNull(),
    reference: text('reference').notNull(),
    callbackUrl: text('callback_url').notNull(),
    /** The identity the product expects (null for Official Account sessions). */
    expectedName: text('expected_name'),
    expectedIdType: text('expected_id_type').$type<IdType>(),
    expectedIdNumber: text('expected_id_number'),
    state: text('state').$type<SessionState>().notNull(),
    result: text('result'),
    /** The WeChat/QQ user who scanned, or the Official Account that was authorised. */
    chosenUserId: text('chosen_user_id'),
    chosenOaAccountId: text('chosen_oa_account_id'),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    completedAt: at('completed_at'),
  },
  (t) => [index('channel_sessions_open_idx').on(t.state, t.expiresAt), index('channel_sessions_created_idx').on(t.createdAt)],
);

/** WeChat Official Accounts (公众号) with their verified enterprise name, if any. */
export const oaAccounts = sim.table('oa_accounts', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  verifiedEnterpriseName: text('verified_enterprise_name'),
  adminWechatUserId: text('admin_wechat_user_id').notNull(),
  createdAt: at('created_at').notNull(),
});

export type RegistryLicenceType = 'business_licence' | 'other';
export type RegistryStatus = 'active' | 'deregistered';

/** The business registry: one row per enterprise, keyed by its code (USCC or registration number). */
export const enterprises = sim.table('enterprises', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  licenceType: text('licence_type').$type<RegistryLicenceType>().notNull(),
  legalRepName: text('legal_rep_name').notNull(),
  legalRepIdNumber: text('legal_rep_id_number').notNull(),
  status: text('status').$type<RegistryStatus>().notNull(),
  /** What a licence shows besides the above (generated when not given). */
  entityType: text('entity_type').notNull(),
  address: text('address').notNull(),
  registeredCapital: text('registered_capital').notNull(),
  establishedOn: date('established_on', { mode: 'string' }).notNull(),
  authority: text('authority').notNull(),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
});

/** Former names: a rename keeps the old name with the moment it stopped being used. */
export const enterpriseNames = sim.table(
  'enterprise_names',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    until: at('until').notNull(),
  },
  (t) => [index('enterprise_names_code_idx').on(t.code, t.until)],
);

export const bankAccounts = sim.table('bank_accounts', {
  number: text('number').primaryKey(),
  holderName: text('holder_name').notNull(),
  bank: text('bank').notNull(),
  createdAt: at('created_at').notNull(),
});

/** One row: the bank's behaviour the tester may change. */
export const bankSettings = sim.table('bank_settings', {
  id: smallint('id').primaryKey().default(1),
  payoutDelayBusinessDays: integer('payout_delay_business_days').notNull().default(1),
});

/** Money sent from a corporate account to the provider's receiving account (R-E-RCH). */
export const transfers = sim.table(
  'transfers',
  {
    id: text('id').primaryKey(),
    fromAccount: text('from_account').notNull(),
    fromName: text('from_name').notNull(),
    amountFen: integer('amount_fen').notNull(),
    receivedAt: at('received_at').notNull(),
  },
  (t) => [index('transfers_received_idx').on(t.receivedAt)],
);

export type MovementKind = 'payout' | 'refund' | 'withdrawal';
export type MovementStatus = 'pending' | 'settled' | 'failed';
export type PayoutFailure = 'holder_name_mismatch' | 'account_not_found';

/** Money the bank sends out on the product's request; it arrives after N business days. */
export const outgoingPayments = sim.table(
  'outgoing_payments',
  {
    id: text('id').primaryKey(),
    kind: text('kind').$type<MovementKind>().notNull(),
    reference: text('reference').notNull(),
    toAccount: text('to_account').notNull(),
    holderName: text('holder_name').notNull(),
    bank: text('bank'),
    amountFen: integer('amount_fen').notNull(),
    /** Refunds: the transfer being returned (one refund per transfer). */
    transferId: text('transfer_id'),
    status: text('status').$type<MovementStatus>().notNull(),
    failureReason: text('failure_reason').$type<PayoutFailure>(),
    requestedAt: at('requested_at').notNull(),
    settleAt: at('settle_at').notNull(),
    arrivedAt: at('arrived_at'),
  },
  (t) => [index('outgoing_payments_due_idx').on(t.status, t.settleAt), uniqueIndex('outgoing_payments_transfer_uq').on(t.transferId)],
);

/** What each simulated account received (payouts, refunds, withdrawals). */
export const bankInbox = sim.table(
  'bank_inbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountNumber: text('account_number').notNull(),
    amountFen: integer('amount_fen').notNull(),
    fromName: text('from_name').notNull(),
    kind: text('kind').$type<MovementKind>().notNull(),
    paymentId: text('payment_id').notNull(),
    arrivedAt: at('arrived_at').notNull(),
  },
  (t) => [index('bank_inbox_account_idx').on(t.accountNumber, t.arrivedAt), uniqueIndex('bank_inbox_payment_uq').on(t.paymentId)],
);

export type MessageKind = 'email' | 'sms' | 'wechat';

/** Email, SMS and WeChat template messages the product sent through the notify channel. */
export const inboxMessages = sim.table(
  'inbox_messages',
  {
    id: text('id').primaryKey(),
    kind: text('kind').$type<MessageKind>().notNull(),
    to: text('to').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    reference: text('reference').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('inbox_messages_to_idx').on(t.to, t.createdAt)],
);

/** Idempotency-Key → the first answer, replayed for a repeated key (SECURITY 30). */
export const idempotencyRecords = sim.table(
  'idempotency_records',
  {
    channel: text('channel').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    /** The answer's JSON text, byte for byte (jsonb would reorder its keys). */
    body: text('body').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.key] })],
);

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** Signed callbacks to the product: one row per event, retried with backoff until delivered or given up. */
export const callbackDeliveries = sim.table(
  'callback_deliveries',
  {
    /** Also the `webhook-id`: the same on every retry, so the product can deduplicate. */
    id: text('id').primaryKey(),
    channel: text('channel').notNull(),
    url: text('url').notNull(),
    type: text('type').notNull(),
    /** The exact bytes sent (and signed) on every attempt. */
    body: text('body').notNull(),
    status: text('status').$type<DeliveryStatus>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull(),
    /** Real (database) time until which a worker owns the row while it sends. */
    leasedUntil: at('leased_until'),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    createdAt: at('created_at').notNull(),
    deliveredAt: at('delivered_at'),
  },
  (t) => [
    index('callback_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index('callback_deliveries_created_idx').on(t.createdAt),
  ],
);
