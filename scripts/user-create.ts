/**
 * npm run user:create -- --email reviewer@example.com --role reviewer [--password …]
 *
 * Creates a staff account (or gives an existing account the role). On the embedded
 * database run it while the app is stopped: PGlite has no file locking.
 */
import './load-env';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { getDatabase } from '@/db/client';
import { roleEnum } from '@/db/schema';
import { databaseClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { createStaffAccount } from '@/lib/features/account';

const argsSchema = z.object({
  email: z.email('--email must be an email address').transform((v) => v.trim().toLowerCase()),
  role: z.enum(roleEnum.enumValues, { error: `--role must be one of ${roleEnum.enumValues.join(', ')}` }),
  password: z.string().min(8, '--password must have at least 8 characters').optional(),
});

async function main() {
  const { values } = parseArgs({ options: { email: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } } });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => i.message).join('\n'));
    console.error('usage: npm run user:create -- --email someone@example.com --role reviewer|account_manager|user [--password …]');
    process.exit(2);
  }
  const password = parsed.data.password ?? `${randomBytes(9).toString('base64url')}7a`;
  const handle = await getDatabase();
  try {
    const result = await createStaffAccount({ db: handle.db, clock: databaseClock(handle.db) }, { ...parsed.data, password });
    console.log(`${result.outcome}: ${parsed.data.email} (${result.role}), 账号ID ${result.accountNumber}`);
    if (!parsed.data.password) console.log(`password: ${password}`);
    if (parsed.data.role !== 'user') {
      // 两步验证 (ADR 0024): staff enrol their own authenticator; the back office stays shut until they do.
      const base = env().APP_URL.replace(/\/$/, '');
      console.log('两步验证: this account must enrol an authenticator app before the back office opens:');
      console.log(`  1. sign in at ${base}/login with the e-mail and password above`);
      console.log(`  2. open ${base}/account/two-factor, press 生成密钥, scan the QR code, type the 6-digit code`);
      console.log('  3. keep the 10 recovery codes shown once; every later sign-in asks for a code');
    }
  } finally {
    await handle.close();
  }
}

void main();
