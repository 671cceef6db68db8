import { findAccountById } from '@/db/queries/accounts';
import { countUnusedRecoveryCodes, findTwoFactorCredential } from '@/db/queries/two-factor';
import { totpUri } from '@/lib/auth/totp';
import type { ServiceContext } from '../context';
import { openTotpSecret } from './two-factor-rules';

export type TwoFactorEnrolment =
  | { state: 'off' }
  /** Secret made, not yet confirmed: the QR code (a data: URL) and the secret for typing in by hand. */
  | { state: 'pending'; secret: string; qrDataUrl: string }
  | { state: 'on'; since: Date; recoveryCodesLeft: number };

/** What 两步验证 looks like for the account now (the enrolment page, 账号信息). Reads only. */
export async function getTwoFactorEnrolment(ctx: ServiceContext, accountId: string): Promise<TwoFactorEnrolment> {
  const credential = await findTwoFactorCredential(ctx.db, accountId);
  if (!credential) return { state: 'off' };
  if (credential.confirmedAt) return { state: 'on', since: credential.confirmedAt, recoveryCodesLeft: await countUnusedRecoveryCodes(ctx.db, accountId) };
  const account = await findAccountById(ctx.db, accountId);
  const secret = openTotpSecret(accountId, credential.secretEnc);
  const { default: QRCode } = await import('qrcode');
  const qrDataUrl = await QRCode.toDataURL(totpUri(secret, account?.email ?? accountId), { margin: 1, width: 200, errorCorrectionLevel: 'M' });
  return { state: 'pending', secret, qrDataUrl };
}
