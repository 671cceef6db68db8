import { randomUUID } from 'node:crypto';
import { historyExists, insertHistoryRows, type HistoryRows } from '@/db/queries/insights-history';
import { hashPassword } from '@/lib/auth/password';
import { addBusinessDays, chinaDayKey, shiftDay, type BusinessCalendar } from '@/lib/domain/business-days';
import { makeResidentId } from '@/lib/domain/identity/resident-id';
import { makeUscc } from '@/lib/domain/identity/uscc';
import { REVIEW_SLA_BUSINESS_DAYS, type ReviewCaseKind } from '@/lib/domain/review/kinds';
import { encryptField } from '@/lib/security/crypto';
import { SUBJECT_DOCUMENT_CONTEXT } from '@/db/schema';
import type { ServiceContext } from '@/lib/features/context';
import { ENTERPRISE_CODE_CONTEXT, ENTERPRISE_PROCESS, ENTERPRISE_CONTACT_ID_CONTEXT, ENTERPRISE_CONTACT_MOBILE_CONTEXT } from '@/db/schema';
import { getBusinessCalendar } from '@/lib/features/calendar';
import { OUTBOX_RECIPIENT_CONTEXT } from '@/db/schema';
import { PAYOUT_BANK_ACCOUNT_CONTEXT, PAYOUT_LEGAL_REP_ID_CONTEXT } from '@/db/schema';
import { DOCUMENT_NUMBER_CONTEXT, PERSONAL_PROCESS } from '@/db/schema';
import { personIdentityKey } from '@/lib/features/personal';
import { enterpriseIdentityKey } from '@/lib/features/enterprise';

/** History accounts live under this domain: the seed recognises its own work by it (and never runs twice). */
export const HISTORY_EMAIL_DOMAIN = 'history.example.test';

export interface HistoryOptions {
  /** Days back from the product clock's today (90 for the demo). */
  days: number;
  /** Verifications started per day, on average (personal; enterprise ones are a third of it). */
  personalPerDay: number;
  /** Seed of the pseudo-random choices: the same seed makes the same history. */
  seed?: number;
  /** Real ciphertexts and blind indexes (the demo); the bench skips them for speed (its rows are never shown). */
  encrypt?: boolean;
}

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

/**
 * 运营看板's first run (issue 20): `days` of plausible past activity — personal and
 * enterprise verifications of every method and ending, 充值 / 对公打款 runs with their
 * review cases, subject changes, sent messages — as rows that keep the product's
 * invariants: one account per verification, a subject (current, or replaced by a completed
 * change) per success, one running process per account (R-LIM-9), real ciphertexts and
 * identity keys of valid synthetic ID numbers and codes, due times from the business-day
 * calendar. Written in one transaction, no audit rows (it is history, not activity);
 * returns false when a history exists already.
 */
export async function seedInsightsHistory(ctx: ServiceContext, options: HistoryOptions): Promise<{ created: boolean; verifications: number }> {
  if (await historyExists(ctx.db, HISTORY_EMAIL_DOMAIN)) return { created: false, verifications: 0 };
  const now = await ctx.clock.now();
  const calendar = await getBusinessCalendar(ctx.db);
  // One unusable password for every history account: nobody signs in as one.
  const passwordHash = await hashPassword(randomUUID());
  const rows = buildHistory(now, calendar, passwordHash, options);
  await insertHistoryRows(ctx.db, rows);
  return { created: true, verifications: rows.personal.length + rows.enterprise.length };
}

function buildHistory(now: Date, calendar: BusinessCalendar, passwordHash: string, options: HistoryOptions): HistoryRows {
  let state = (options.seed ?? 20) >>> 0 || 1;
  const rnd = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const pick = <T>(weighted: readonly (readonly [T, number])[]): T => {
    let r = rnd() * weighted.reduce((a, [, w]) => a + w, 0);
    for (const [v, w] of weighted) if ((r -= w) < 0) return v;
    return weighted.at(-1)![0];
  };
  // Minutes, log-normally spread around `median`.
  const spread = (median: number) => median * Math.exp((rnd() + rnd() + rnd() - 1.5) * 1.2);
  const enc = options.encrypt !== false ? encryptField : (value: string) => `history:${value}`;
  const rows: HistoryRows = { accounts: [], uploads: [], subjects: [], personal: [], enterprise: [], processes: [], recharges: [], payouts: [], reviewCases: [], changes: [], outbox: [] };
  let seq = 0;

  const newAccount = (at: Date) => {
    seq += 1;
    const id = randomUUID();
    // 账号ID / APPID from a range sign-up leaves alone only by chance: sign-up retries on a clash.
    rows.accounts.push({
      id,
      accountNumber: `7${String(seq).padStart(9, '0')}`,
      appId: `6${String(seq).padStart(9, '0')}`,
      email: `history-${seq}@${HISTORY_EMAIL_DOMAIN}`,
      passwordHash,
      nickname: `history-${seq}`,
      // They verified: their addresses were confirmed when they signed up (ADR 0023).
      emailConfirmedAt: at,
      createdAt: at,
      updatedAt: at,
    });
    return { id, n: seq };
  };
  const sent = (accountId: string, event: string, at: Date) => {
    const failed = rnd() < 0.01;
    for (const kind of ['email', 'sms'] as const)
      rows.outbox.push({
        accountId,
        kind,
        toEnc: enc(kind === 'email' ? 'history@example.test' : '13800000000', OUTBOX_RECIPIENT_CONTEXT),
        event,
        subject: kind === 'email' ? '实名认证结果通知' : null,
        body: '【云控制台】您的实名认证有新的进展，请登录控制台查看。',
        status: failed && kind === 'sms' ? 'failed' : 'sent',
        attempts: failed && kind === 'sms' ? 8 : 1,
        nextAttemptAt: at,
        createdAt: at,
        sentAt: failed && kind === 'sms' ? null : at,
        lastError: failed && kind === 'sms' ? 'http_500' : null,
      });
  };
  const review = (accountId: string, kind: ReviewCaseKind, processId: string, openedAt: Date, approve?: boolean) => {
    const dueAt = addBusinessDays(calendar, openedAt, REVIEW_SLA_BUSINESS_DAYS[kind]);
    // Most within the promise, some late; none still open (open cases need their items: the demo's own cases show the queue).
    const decidedAt = new Date(openedAt.getTime() + (rnd() < 0.85 ? rnd() * (dueAt.getTime() - openedAt.getTime()) : (dueAt.getTime() - openedAt.getTime()) * (1 + rnd())));
    const approved = approve ?? rnd() < 0.85;
    const id = randomUUID();
    rows.reviewCases.push({ id, accountId, kind, processId, state: approved ? 'approved' : 'rejected', createdAt: openedAt, openedAt, dueAt, decidedAt, updatedAt: decidedAt });
    return { id, decidedAt, approved };
  };
  const address = { province: '11', city: '1101', district: '110108', addressDetail: '中关村大街 1 号' };
  const subjectsOfAccount = new Map<string, typeof rows.subjects>();
  const addSubject = (s: (typeof rows.subjects)[number]) => {
    rows.subjects.push(s);
    subjectsOfAccount.set(s.accountId, [...(subjectsOfAccount.get(s.accountId) ?? []), s]);
  };
  const verifiedPeople: { accountId: string; at: Date }[] = [];
  const verifiedEnterprises: { accountId: string; at: Date }[] = [];

  const today = chinaDayKey(now);
  for (let d = options.days - 1; d >= 0; d--) {
    const dayStart = new Date(`${shiftDay(today, -d)}T00:00:00+08:00`).getTime();
    const weekend = [0, 6].includes(new Date(dayStart + 8 * 3600_000).getUTCDay());
    const count = (mean: number) => Math.max(0, Math.round(mean * (weekend ? 0.6 : 1) * (0.75 + rnd() * 0.5)));
    const startAt = () => {
      const t = dayStart + (8 + rnd() * 14) * 3600_000;
      return t < now.getTime() ? new Date(t) : null;
    };

    for (let i = count(options.personalPerDay); i > 0; i--) {
      const createdAt = startAt();
      if (!createdAt) continue;
      const account = newAccount(new Date(createdAt.getTime() - rnd() * 30 * DAY));
      const method = pick([['wechat', 6], ['face', 2.5], ['qq', 1.5]] as const);
      let outcome = pick([['succeeded', 75], ['failed', 11], ['expired', 6], ['cancelled', 5], ['open', 3]] as const);
      const took = outcome === 'succeeded' ? spread(method === 'face' ? 5 : 3) : outcome === 'expired' ? 7 * 24 * 60 : spread(6);
      let completedAt: Date | null = new Date(createdAt.getTime() + took * MIN);
      if (outcome === 'open' || completedAt > now) outcome = 'open';
      if (outcome === 'open') completedAt = null;
      // A distinct valid ID number per account: birth date and sequence from the account's number.
      const birth = new Date(Date.UTC(1960, 0, 1) + (account.n % 15_000) * DAY).toISOString().slice(0, 10).replaceAll('-', '');
      const number = makeResidentId('110108', birth, String(Math.floor(account.n / 15_000) % 1000).padStart(3, '0'));
      const identityKey = options.encrypt !== false ? personIdentityKey('resident_id', number) : `history-${account.n}`;
      const id = randomUUID();
      const failureCode = outcome === 'failed' ? pick([['mismatch', 5], ['no_bank_card', 2], ['liveness_failed', 2], ['face_mismatch', 1], ['minor', 0.5]] as const) : null;
      const chosen = outcome === 'open' ? rnd() < 0.5 : outcome === 'succeeded' || outcome === 'failed' || rnd() < 0.4;
      rows.personal.push({
        id,
        accountId: account.id,
        state: outcome === 'open' ? (chosen ? 'awaiting_channel' : 'draft') : outcome,
        realName: '王小明',
        documentType: 'resident_id',
        documentNumberEnc: enc(number, DOCUMENT_NUMBER_CONTEXT),
        identityKey,
        ...address,
        method: chosen ? method : null,
        channelSessionId: chosen ? randomUUID() : null,
        failureCode,
        createdAt,
        updatedAt: completedAt ?? createdAt,
        completedAt,
      });
      if (outcome === 'open') rows.processes.push({ accountId: account.id, kind: PERSONAL_PROCESS, processId: id, startedAt: createdAt });
      if (outcome === 'succeeded') {
        addSubject({ accountId: account.id, kind: 'person', name: '王小明', documentType: 'resident_id', documentNumberEnc: enc(number, SUBJECT_DOCUMENT_CONTEXT), identityKey, method, ...address, verifiedAt: completedAt! });
        verifiedPeople.push({ accountId: account.id, at: completedAt! });
      }
      if (completedAt && outcome !== 'cancelled') sent(account.id, outcome === 'succeeded' ? 'verification_succeeded' : 'verification_failed', completedAt);
    }

    for (let i = count(options.personalPerDay / 3); i > 0; i--) {
      const createdAt = startAt();
      if (!createdAt) continue;
      const account = newAccount(new Date(createdAt.getTime() - rnd() * 30 * DAY));
      const method = pick([['oa', 3], ['legal_rep_wechat', 2], ['legal_rep_face', 1.5], ['recharge', 2], ['payout', 1.5]] as const);
      const code = makeUscc(`9111010${account.n % 10}`, `MA${String(account.n).padStart(6, '0').slice(-6)}`);
      const name = `北京历史${account.n}号科技有限公司`;
      const identityKey = options.encrypt !== false ? enterpriseIdentityKey(code, name) : `history-e-${account.n}`;
      const upload = randomUUID();
      rows.uploads.push({ id: upload, accountId: account.id, purpose: 'business_licence', store: 'local', storageKey: `history/${upload}.png`, contentType: 'image/png', byteSize: 1, sha256: '0'.repeat(64), createdAt });
      const id = randomUUID();
      let outcome = pick([['succeeded', 70], ['failed', 14], ['expired', 6], ['cancelled', 6], ['open', 4]] as const);
      const bank = method === 'recharge' || method === 'payout';
      const took = outcome === 'expired' ? 7 * 24 * 60 : method === 'payout' ? spread(4 * 24 * 60) : method === 'recharge' ? spread(20 * 60) : spread(6);
      let completedAt: Date | null = new Date(createdAt.getTime() + took * MIN);
      if (outcome === 'open' || completedAt > now) outcome = 'open';
      if (outcome === 'open') completedAt = null;
      const failureCode =
        outcome !== 'failed'
          ? null
          : method === 'oa'
            ? pick([['oa_name_mismatch', 2], ['oa_unverified', 1]] as const)
            : method === 'recharge'
              ? pick([['recharge_chances_used', 1], ['recharge_expired', 2]] as const)
              : method === 'payout'
                ? pick([['payout_amount_wrong', 1], ['payout_expired', 1]] as const)
                : pick([['mismatch', 2], ['legal_rep_not_registered', 1], ['liveness_failed', 1]] as const);
      const reached = outcome !== 'expired' && outcome !== 'cancelled' ? true : rnd() < 0.5;
      rows.enterprise.push({
        id,
        accountId: account.id,
        state: outcome === 'open' ? (bank ? 'awaiting_bank' : 'awaiting_channel') : outcome,
        licenceType: 'business_licence',
        licenceUploadId: upload,
        enterpriseName: name,
        codeEnc: enc(code, ENTERPRISE_CODE_CONTEXT),
        identityKey,
        ...address,
        contactName: '王小明',
        contactIdNumberEnc: enc('110108199001011237', ENTERPRISE_CONTACT_ID_CONTEXT),
        contactMobileEnc: enc('13800000000', ENTERPRISE_CONTACT_MOBILE_CONTEXT),
        registryCheckedAt: createdAt,
        method: reached || outcome === 'open' ? method : null,
        channelSessionId: !bank && (reached || outcome === 'open') ? randomUUID() : null,
        failureCode,
        createdAt,
        updatedAt: completedAt ?? createdAt,
        completedAt,
      });
      if (outcome === 'open') rows.processes.push({ accountId: account.id, kind: ENTERPRISE_PROCESS, processId: id, startedAt: createdAt });
      const runEnd = completedAt ?? now;
      if (bank && (reached || outcome === 'open')) {
        const issuedAt = new Date(createdAt.getTime() + 3 * MIN);
        const runState = outcome === 'open' ? null : outcome;
        if (method === 'recharge') {
          const deadline = addBusinessDays(calendar, issuedAt, 7);
          rows.recharges.push({
            accountId: account.id,
            enterpriseVerificationId: id,
            state: runState === null ? 'awaiting_transfer' : runState === 'failed' ? (failureCode === 'recharge_expired' ? 'expired' : 'failed') : runState,
            payerName: name,
            amountFen: 1 + Math.floor(rnd() * 99),
            chancesUsed: failureCode === 'recharge_chances_used' ? 2 : rnd() < 0.15 ? 1 : 0,
            receivingHolderName: '云计算服务有限公司',
            receivingAccountNumber: '110900000000001',
            receivingBank: '招商银行北京分行',
            issuedAt,
            deadline,
            remindAt: addBusinessDays(calendar, issuedAt, 6),
            failureCode: failureCode as 'recharge_expired' | 'recharge_chances_used' | null,
            createdAt: issuedAt,
            updatedAt: runEnd,
            completedAt,
          });
        } else {
          const payoutId = randomUUID();
          const { id: caseId, decidedAt, approved } = review(account.id, 'payout_materials', payoutId, new Date(issuedAt.getTime() + 10 * MIN), outcome === 'succeeded' || undefined);
          const paid = approved && decidedAt < runEnd;
          const requestedAt = paid ? new Date(decidedAt.getTime() + 30 * MIN) : null;
          const arrivedAt = requestedAt && requestedAt.getTime() + DAY < runEnd.getTime() ? new Date(requestedAt.getTime() + DAY) : null;
          rows.payouts.push({
            id: payoutId,
            accountId: account.id,
            enterpriseVerificationId: id,
            state: runState === null ? (arrivedAt ? 'awaiting_amount' : paid ? 'payout_pending' : 'under_review') : runState === 'expired' ? 'cancelled' : runState,
            enterpriseName: name,
            bankAccountEnc: enc('6222020200112345678', PAYOUT_BANK_ACCOUNT_CONTEXT),
            bankName: '中国工商银行',
            bankProvince: '11',
            bankCity: '1101',
            bankBranch: '中国工商银行北京中关村支行',
            legalRepName: '王小明',
            legalRepIdNumberEnc: enc('110108199001011237', PAYOUT_LEGAL_REP_ID_CONTEXT),
            emblemUploadId: upload,
            portraitUploadId: upload,
            reviewCaseId: caseId,
            approvedAt: approved ? decidedAt : null,
            amountFen: paid ? 1 + Math.floor(rnd() * 99) : null,
            payoutAttempt: paid ? 1 : 0,
            payoutRequestedAt: requestedAt,
            arrivedAt,
            amountDeadline: arrivedAt ? new Date(arrivedAt.getTime() + 7 * DAY) : null,
            chancesUsed: failureCode === 'payout_amount_wrong' ? 2 : arrivedAt && rnd() < 0.1 ? 1 : 0,
            failureCode,
            submittedAt: issuedAt,
            completedAt,
            createdAt: issuedAt,
            updatedAt: runEnd,
          });
        }
      }
      if (outcome === 'succeeded') {
        addSubject({
          accountId: account.id,
          kind: 'enterprise',
          name,
          documentType: 'business_licence',
          documentNumberEnc: enc(code, SUBJECT_DOCUMENT_CONTEXT),
          identityKey,
          method,
          ...address,
          licenceUploadId: upload,
          verifiedAt: completedAt!,
        });
        verifiedEnterprises.push({ accountId: account.id, at: completedAt! });
      }
      if (completedAt && outcome !== 'cancelled') sent(account.id, outcome === 'succeeded' ? 'verification_succeeded' : 'verification_failed', completedAt);
    }
  }

  // Subject changes: about one verified account in 25 starts one, a few days after its verification.
  const changeOf = (accountId: string, verifiedAt: Date, types: readonly (readonly [NonNullable<(typeof rows.changes)[number]['type']>, number])[]) => {
    const createdAt = new Date(verifiedAt.getTime() + (1 + rnd() * 10) * DAY);
    if (createdAt >= now) return;
    const type = pick(types);
    const old = subjectsOfAccount.get(accountId)![0]!;
    const reviewed = type === 'enterprise_to_enterprise' || type === 'enterprise_rename';
    let ending = pick([['completed', 55], ['cancelled', 30], ['expired', type === 'enterprise_to_enterprise' ? 15 : 0]] as const);
    const endedAt = new Date(createdAt.getTime() + (reviewed ? spread(2 * 24 * 60) : spread(20)) * MIN);
    if (endedAt >= now) ending = 'cancelled';
    const id = randomUUID();
    let reviewCaseId: string | null = null;
    if (reviewed && ending !== 'expired') {
      const opened = new Date(createdAt.getTime() + 30 * MIN);
      if (opened < endedAt) {
        reviewCaseId = review(accountId, type === 'enterprise_rename' ? 'name_change_proofs' : 'subject_change_proofs', id, opened).id;
      }
    }
    let newSubjectId: string | null = null;
    if (ending === 'completed' && endedAt < now) {
      const renamed = type === 'enterprise_rename' ? `${old.name}（新）` : old.name;
      newSubjectId = randomUUID();
      old.replacedAt = endedAt;
      addSubject({ ...old, id: newSubjectId, kind: type === 'person_to_enterprise' ? 'enterprise' : old.kind, name: renamed, verifiedAt: endedAt, replacedAt: null });
    }
    rows.changes.push({
      id,
      accountId,
      type: ending === 'cancelled' && type.startsWith('person') && rnd() < 0.3 ? null : type,
      state: ending === 'completed' && !newSubjectId ? 'cancelled' : ending,
      oldSubjectId: old.id!,
      newSubjectId,
      reviewCaseId,
      expiresAt: type === 'enterprise_to_enterprise' ? new Date(createdAt.getTime() + 7 * DAY) : null,
      createdAt,
      updatedAt: endedAt,
      completedAt: ending === 'completed' ? endedAt : null,
    });
  };
  for (const s of rows.subjects) s.id ??= randomUUID();
  for (const p of verifiedPeople) if (rnd() < 0.04) changeOf(p.accountId, p.at, [['person_to_enterprise', 2], ['person_to_person', 1]]);
  for (const e of verifiedEnterprises) if (rnd() < 0.06) changeOf(e.accountId, e.at, [['enterprise_to_enterprise', 1], ['enterprise_rename', 2], ['legal_rep_update', 1]]);
  return rows;
}
