import { findCurrentSubject } from '@/db/queries/subjects';
import { checkIcpSubjectName, icpNameCheckText, type IcpNameCheck } from '@/lib/domain/icp-name-check';
import type { ServiceContext } from '../context';

/** R-OWN-4: whether `filingName` may be the ICP filing subject of this account, and why not. */
export async function checkIcpSubject(ctx: ServiceContext, accountId: string, filingName: string): Promise<IcpNameCheck & { message: string }> {
  const subject = await findCurrentSubject(ctx.db, accountId);
  const check = checkIcpSubjectName(subject?.name ?? null, filingName);
  return { ...check, message: icpNameCheckText(check) };
}
