import { findCurrentSubject } from '@/db/queries/subjects';
import { checkIcpSubjectName, icpNameCheckMessage, type IcpNameCheck, type IcpNameCheckCode } from '@/lib/domain/icp-name-check';
import type { Phrase } from '@/lib/domain/phrase';
import type { ServiceContext } from '../context';

/** R-OWN-4: whether `filingName` may be the ICP filing subject of this account, and why not (a catalogue code; the page words it). */
export async function checkIcpSubject(ctx: ServiceContext, accountId: string, filingName: string): Promise<IcpNameCheck & { message: Phrase<IcpNameCheckCode> }> {
  const subject = await findCurrentSubject(ctx.db, accountId);
  const check = checkIcpSubjectName(subject?.name ?? null, filingName);
  return { ...check, message: icpNameCheckMessage(check) };
}
