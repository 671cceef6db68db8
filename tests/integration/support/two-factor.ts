import type { Db } from '@/db/client';
import { newTotpSecret, totpCodeAt } from '@/lib/auth/totp';
import { enrolDemoTwoFactor } from '@/lib/features/account/enrol-demo-two-factor';
import { ctx } from './test-db';

/** Enrols `accountId` in 两步验证 with a fresh secret (as the demo seed does) and answers the secret. */
export async function enrolTwoFactor(db: Db, accountId: string): Promise<string> {
  const secret = newTotpSecret();
  await enrolDemoTwoFactor(ctx(db), { accountId, secret });
  return secret;
}

/** The code an authenticator shows now, or `steps` steps later (accepted: one step of tolerance). */
export function codeNow(secret: string, steps = 0): string {
  return totpCodeAt(secret, Date.now() + steps * 30_000);
}
