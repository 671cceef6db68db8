import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../client';

/**
 * 运营看板 (issue 20): aggregates over the product's own tables, one statement per chart
 * and table, counted in the database (docs/decisions/0020-insights-charts.md). Periods
 * are [from, to) on the product clock; days are Beijing calendar days.
 */

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const int = (v: unknown) => Number(v ?? 0);
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const BEIJING_DAY = (column: SQL) => sql`to_char(${column} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;

export type VerificationKind = 'personal' | 'enterprise';

export interface FunnelRow {
  kind: VerificationKind;
  started: number;
  methodChosen: number;
  channelOpened: number;
  succeeded: number;
  failed: number;
  /** Closed as abandoned by retention (state `expired`: the only way a verification expires). */
  abandoned: number;
  cancelled: number;
  inProgress: number;
}

/** Verifications started in the period, by how far they got. A bank method (充值 / 对公打款) counts as its channel once its amount or payout run exists. */
export async function verificationFunnel(db: Db, from: Date, to: Date): Promise<FunnelRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select 'personal' as kind, count(*) as started,
        count(*) filter (where method is not null) as method_chosen,
        count(*) filter (where channel_session_id is not null) as channel_opened,
        count(*) filter (where state = 'succeeded') as succeeded,
        count(*) filter (where state = 'failed') as failed,
        count(*) filter (where state = 'expired') as abandoned,
        count(*) filter (where state = 'cancelled') as cancelled,
        count(*) filter (where state in ('draft', 'confirmed', 'awaiting_channel')) as in_progress
      from personal_verifications where created_at >= ${ts(from)} and created_at < ${ts(to)}
      union all
      select 'enterprise', count(*),
        count(*) filter (where e.method is not null),
        count(*) filter (where e.channel_session_id is not null
          or exists (select 1 from recharge_verifications r where r.enterprise_verification_id = e.id)
          or exists (select 1 from payout_verifications p where p.enterprise_verification_id = e.id)),
        count(*) filter (where e.state = 'succeeded'),
        count(*) filter (where e.state = 'failed'),
        count(*) filter (where e.state = 'expired'),
        count(*) filter (where e.state = 'cancelled'),
        count(*) filter (where e.state in ('draft', 'awaiting_channel', 'awaiting_bank'))
      from enterprise_verifications e where e.created_at >= ${ts(from)} and e.created_at < ${ts(to)}`),
  );
  return rows.map((r) => ({
    kind: r.kind as VerificationKind,
    started: int(r.started),
    methodChosen: int(r.method_chosen),
    channelOpened: int(r.channel_opened),
    succeeded: int(r.succeeded),
    failed: int(r.failed),
    abandoned: int(r.abandoned),
    cancelled: int(r.cancelled),
    inProgress: int(r.in_progress),
  }));
}

/** Failed verifications started in the period, by their failure code. */
export async function verificationFailures(db: Db, from: Date, to: Date): Promise<{ kind: VerificationKind; code: string; count: number }[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select 'personal' as kind, coalesce(failure_code, 'unknown') as code, count(*) as n
      from personal_verifications where state = 'failed' and created_at >= ${ts(from)} and created_at < ${ts(to)} group by 2
      union all
      select 'enterprise', coalesce(failure_code, 'unknown'), count(*)
      from enterprise_verifications where state = 'failed' and created_at >= ${ts(from)} and created_at < ${ts(to)} group by 2
      order by 1, 3 desc, 2`),
  );
  return rows.map((r) => ({ kind: r.kind as VerificationKind, code: String(r.code), count: int(r.n) }));
}

/** Verifications that ended (cancelled ones aside) in the period, per Beijing day: how many, how many succeeded. */
export async function dailyOutcomes(db: Db, from: Date, to: Date): Promise<{ kind: VerificationKind; day: string; ended: number; succeeded: number }[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select 'personal' as kind, ${BEIJING_DAY(sql`completed_at`)} as day, count(*) as ended, count(*) filter (where state = 'succeeded') as succeeded
      from personal_verifications
      where state in ('succeeded', 'failed', 'expired') and completed_at >= ${ts(from)} and completed_at < ${ts(to)} group by 2
      union all
      select 'enterprise', ${BEIJING_DAY(sql`completed_at`)}, count(*), count(*) filter (where state = 'succeeded')
      from enterprise_verifications
      where state in ('succeeded', 'failed', 'expired') and completed_at >= ${ts(from)} and completed_at < ${ts(to)} group by 2`),
  );
  return rows.map((r) => ({ kind: r.kind as VerificationKind, day: String(r.day), ended: int(r.ended), succeeded: int(r.succeeded) }));
}

export interface DurationRow {
  kind: VerificationKind;
  /** Null: every method of the kind together. */
  method: string | null;
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

/**
 * Start → success of verifications that succeeded in the period: median and 90th percentile (continuous, whole seconds), per kind and per method.
 * `method::text`: each kind's column has its own enum type, which a union cannot match.
 */
export async function successDurations(db: Db, from: Date, to: Date): Promise<DurationRow[]> {
  const part = (table: SQL, kind: string) => sql`
    select ${kind} as kind, method::text as method, count(*) as n,
      round(percentile_cont(0.5) within group (order by extract(epoch from completed_at - created_at))) as p50,
      round(percentile_cont(0.9) within group (order by extract(epoch from completed_at - created_at))) as p90
    from ${table}
    where state = 'succeeded' and completed_at >= ${ts(from)} and completed_at < ${ts(to)}
    group by rollup (method)`;
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`${part(sql`personal_verifications`, 'personal')} union all ${part(sql`enterprise_verifications`, 'enterprise')}`),
  );
  return rows.map((r) => ({
    kind: r.kind as VerificationKind,
    method: r.method === null || r.method === undefined ? null : String(r.method),
    count: int(r.n),
    medianSeconds: numOrNull(r.p50),
    p90Seconds: numOrNull(r.p90),
  }));
}

/** Every open review case's kind and clock (a queue of hundreds, not millions: ages need the business-day calendar). */
export async function openReviewCaseClocks(db: Db): Promise<{ kind: string; openedAt: Date; dueAt: Date }[]> {
  const rows = rowsOf<Record<string, unknown>>(await db.execute(sql`select kind, opened_at, due_at from review_cases where state = 'open'`));
  return rows.map((r) => ({ kind: String(r.kind), openedAt: new Date(r.opened_at as string), dueAt: new Date(r.due_at as string) }));
}

/** Review cases decided in the period, per kind, and how many by their due time (the promised business days). */
export async function decidedReviewCases(db: Db, from: Date, to: Date): Promise<{ kind: string; decided: number; withinSla: number }[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select kind, count(*) as decided, count(*) filter (where decided_at <= due_at) as within_sla
      from review_cases
      where state in ('approved', 'rejected') and decided_at >= ${ts(from)} and decided_at < ${ts(to)}
      group by kind`),
  );
  return rows.map((r) => ({ kind: String(r.kind), decided: int(r.decided), withinSla: int(r.within_sla) }));
}

export interface BankMethodRow {
  method: 'recharge' | 'payout';
  issued: number;
  /** 对公打款: the bank accepted the payout (its amount is on its way). */
  paid: number;
  confirmed: number;
  cancelled: number;
  inProgress: number;
}

/**
 * 充值认证 amounts issued and 对公打款 runs submitted in the period: confirmed, still running,
 * cancelled. Failures and chances come from bankFailures and bankChances.
 */
export async function bankMethods(db: Db, from: Date, to: Date): Promise<BankMethodRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select 'recharge' as method, count(*) as issued, 0 as paid,
        count(*) filter (where state = 'succeeded') as confirmed,
        count(*) filter (where state = 'cancelled') as cancelled,
        count(*) filter (where state = 'awaiting_transfer') as in_progress
      from recharge_verifications where issued_at >= ${ts(from)} and issued_at < ${ts(to)}
      union all
      select 'payout', count(*), count(*) filter (where payout_requested_at is not null),
        count(*) filter (where state = 'succeeded'),
        count(*) filter (where state = 'cancelled'),
        count(*) filter (where state not in ('succeeded', 'failed', 'cancelled'))
      from payout_verifications where submitted_at >= ${ts(from)} and submitted_at < ${ts(to)}`),
  );
  return rows.map((r) => ({
    method: r.method as BankMethodRow['method'],
    issued: int(r.issued),
    paid: int(r.paid),
    confirmed: int(r.confirmed),
    cancelled: int(r.cancelled),
    inProgress: int(r.in_progress),
  }));
}

/** Ended-as-failed bank runs of the period by reason (充值: failed or expired; 对公打款: failed, and 打款失败 still standing). */
export async function bankFailures(db: Db, from: Date, to: Date): Promise<{ method: 'recharge' | 'payout'; code: string; count: number }[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select 'recharge' as method, coalesce(failure_code, state::text) as code, count(*) as n
      from recharge_verifications where state in ('failed', 'expired') and issued_at >= ${ts(from)} and issued_at < ${ts(to)} group by 2
      union all
      select 'payout', coalesce(failure_code, state::text), count(*)
      from payout_verifications where state in ('failed', 'payout_failed') and submitted_at >= ${ts(from)} and submitted_at < ${ts(to)} group by 2
      order by 1, 3 desc, 2`),
  );
  return rows.map((r) => ({ method: r.method as 'recharge' | 'payout', code: String(r.code), count: int(r.n) }));
}

/** Chances used (0, 1, 2) of the period's 充值 amounts and of the 对公打款 amounts that arrived. */
export async function bankChances(db: Db, from: Date, to: Date): Promise<{ method: 'recharge' | 'payout'; chancesUsed: number; count: number }[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select 'recharge' as method, chances_used, count(*) as n
      from recharge_verifications where issued_at >= ${ts(from)} and issued_at < ${ts(to)} group by 2
      union all
      select 'payout', chances_used, count(*)
      from payout_verifications where arrived_at is not null and submitted_at >= ${ts(from)} and submitted_at < ${ts(to)} group by 2
      order by 1, 2`),
  );
  return rows.map((r) => ({ method: r.method as 'recharge' | 'payout', chancesUsed: int(r.chances_used), count: int(r.n) }));
}

/** Change requests started in the period, by type (null: a personal request before its type was chosen) and how they ended. */
export async function changeRequestOutcomes(
  db: Db,
  from: Date,
  to: Date,
): Promise<{ type: string | null; completed: number; cancelled: number; expired: number; inProgress: number }[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select type, count(*) filter (where state = 'completed') as completed,
        count(*) filter (where state = 'cancelled') as cancelled,
        count(*) filter (where state = 'expired') as expired,
        count(*) filter (where state not in ('completed', 'cancelled', 'expired')) as in_progress
      from change_requests where created_at >= ${ts(from)} and created_at < ${ts(to)}
      group by type`),
  );
  return rows.map((r) => ({
    type: r.type === null || r.type === undefined ? null : String(r.type),
    completed: int(r.completed),
    cancelled: int(r.cancelled),
    expired: int(r.expired),
    inProgress: int(r.in_progress),
  }));
}

/** Outbox messages and webhook deliveries written in the period and given up (status failed), per channel. */
export async function deliveryFailures(db: Db, from: Date, to: Date): Promise<{ channel: string; count: number }[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select kind as channel, count(*) as n from outbox_messages
      where status = 'failed' and created_at >= ${ts(from)} and created_at < ${ts(to)} group by kind
      union all
      select 'webhook', count(*) from webhook_deliveries
      where status = 'failed' and created_at >= ${ts(from)} and created_at < ${ts(to)}`),
  );
  return rows.map((r) => ({ channel: String(r.channel), count: int(r.n) }));
}
