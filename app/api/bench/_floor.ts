import postgres from 'postgres';
import { channelSecret } from '@/lib/channels/providers/simulator/secrets';
import { verifyWebhook } from '@/lib/channels/webhook-verify';
import { errorResponse } from '@/lib/errors';

/**
 * The framework floor of `npm run bench` (variants b and b0, README "Benchmarks"): what a
 * callback costs in this Next.js build with nothing of the product's own layers —
 * verify the signature on the raw body, then, in one transaction, the dedup insert and
 * the one-row update. It works on the bench's own tables (schema `bench`, created by
 * scripts/bench/prepare.ts), never on product tables.
 *
 * Answers 404 unless BENCH_ENABLED=1, which only scripts/bench.mjs sets: a normal
 * deployment never reaches it. It reaches the database through its own postgres.js
 * pool (the same size as the product's), not through db/ (ARCHITECTURE rule 1: app/
 * never touches the product's database layer).
 */
const POOL_SIZE = 10;

const holder = globalThis as unknown as { __benchFloorSql?: postgres.Sql };

function benchSql(): postgres.Sql | undefined {
  const url = process.env.DATABASE_URL;
  if (!url) return undefined;
  holder.__benchFloorSql ??= postgres(url, { max: POOL_SIZE, onnotice: () => {} });
  return holder.__benchFloorSql;
}

export async function POST(req: Request) {
  if (process.env.BENCH_ENABLED !== '1') return errorResponse('NOT_FOUND');
  const sql = benchSql();
  if (!sql) return errorResponse('NOT_FOUND');

  const raw = await req.text();
  // Real time, not the product clock: the floor measures the framework without the product's layers (the bench never moves the clock).
  const verdict = verifyWebhook({ secret: channelSecret('wechat'), headers: req.headers, rawBody: raw, now: new Date() });
  if (!verdict.ok) return errorResponse('CALLBACK_SIGNATURE_INVALID');

  let sessionId: unknown;
  let result: unknown;
  try {
    ({ sessionId, result } = (JSON.parse(raw) as { data: { sessionId: unknown; result: unknown } }).data);
  } catch {
    return errorResponse('CALLBACK_PAYLOAD_INVALID');
  }
  if (typeof sessionId !== 'string' || typeof result !== 'string') return errorResponse('CALLBACK_PAYLOAD_INVALID');

  // Dedup in the same transaction as the effect (SECURITY A4), as the product does.
  await sql.begin(async (tx) => {
    const stored = await tx`insert into bench.events (webhook_id, received_at) values (${verdict.id}, now()) on conflict do nothing returning 1`;
    if (stored.length === 0) return;
    await tx`update bench.sessions set state = 'completed', result = ${result as string}, settled_at = now() where id = ${sessionId as string} and state = 'open'`;
  });
  return new Response(null, { status: 204 });
}
