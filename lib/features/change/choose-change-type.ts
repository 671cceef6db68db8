import { findCurrentSubject } from '@/db/queries/subjects';
import { checkPersonalChoice } from '@/lib/domain/change/eligibility';
import type { ChangeType } from '@/lib/domain/change/change-types';
import { AppError } from '@/lib/errors';
import { changeFacts, lockOwnChangeRequest, moveChangeRequest } from './change-request-steps';
import type { ServiceContext } from '../context';

/**
 * R-CHG-P2: 变更为企业主体 (no cool-down; afterwards never back to a person) or 变更个人主体
 * (30 days after the last completed verification, R-CHG-4), chosen once the current
 * subject passed its face check. The rule is asked again here for the posted type, so a
 * type the page did not offer is refused the same way (with 「… 后可变更」).
 */
export async function chooseChangeType(ctx: ServiceContext, accountId: string, changeId: string, type: ChangeType) {
  const now = await ctx.clock.now();
  const check = checkPersonalChoice(await changeFacts(ctx.db, accountId, now, await findCurrentSubject(ctx.db, accountId)), type);
  if (!check.ok) throw new AppError('CHANGE_NOT_ALLOWED', { reason: check.reason });
  await ctx.db.transaction(async (tx) => {
    const row = await lockOwnChangeRequest(tx, accountId, changeId);
    await moveChangeRequest(tx, row, 'choose', now, { type });
  });
}

/** 上一步 from the new subject's data back to the choice: the type is cleared. */
export async function returnToChangeChoice(ctx: ServiceContext, accountId: string, changeId: string) {
  const now = await ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const row = await lockOwnChangeRequest(tx, accountId, changeId);
    await moveChangeRequest(tx, row, 'back', now, { type: null });
  });
}
