import { CONTACT_PHONE_CONTEXT } from '@/db/schema';
import { lockOpenAccount, updateAccountProfile as writeProfile } from '@/db/queries/accounts';
import { appendAudit } from '@/db/queries/audit';
import { AppError } from '@/lib/errors';
import type { ProfileInput } from '@/lib/schemas/account';
import { decryptField, encryptField } from '@/lib/security/crypto';
import type { ServiceContext } from '../context';


/** Edits 账号昵称, 联系手机 and 所属行业. An empty phone keeps the one on file. */
export async function updateAccountProfile(ctx: ServiceContext, accountId: string, input: ProfileInput) {
  const now = await ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    // A closed account (删除个人信息) takes no new data.
    const current = await lockOpenAccount(tx, accountId);
    if (!current) throw new AppError('NOT_FOUND');
    const currentPhone = current.contactPhoneEnc ? decryptField(current.contactPhoneEnc, CONTACT_PHONE_CONTEXT) : null;
    const phoneChanged = Boolean(input.contactPhone) && input.contactPhone !== currentPhone;
    const contactPhoneEnc = phoneChanged ? encryptField(input.contactPhone!, CONTACT_PHONE_CONTEXT) : current.contactPhoneEnc;
    await writeProfile(tx, accountId, { nickname: input.nickname, contactPhoneEnc, industry: input.industry, now });
    const changed = [
      current.nickname !== input.nickname && 'nickname',
      phoneChanged && 'contact_phone',
      current.industry !== input.industry && 'industry',
    ].filter(Boolean);
    await appendAudit(tx, { at: now, action: 'account.profile_updated', actorAccountId: accountId, accountId, data: { changed } });
  });
}
