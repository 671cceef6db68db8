import { findEnterpriseVerification } from '@/db/queries/enterprise-verifications';
import type { EnterpriseVerificationRow } from '@/db/schema';
import type { ChannelSessionState } from '@/lib/domain/channel-session';
import { ENTERPRISE_STEP, type EnterpriseStep } from '@/lib/domain/verification/enterprise-machine';
import type { EnterpriseFailure } from '@/lib/domain/verification/enterprise-outcome';
import { AppError } from '@/lib/errors';
import type { ServiceContext } from '../context';
import { isUuid } from '@/lib/schemas/uuid';
import { getChannelSession } from '@/lib/features/channels';

export interface EnterpriseStatus {
  state: EnterpriseVerificationRow['state'];
  step: EnterpriseStep;
  sessionState: ChannelSessionState | null;
  failureCode: EnterpriseFailure | null;
}

/** What the waiting page polls: the verification's state and its session's (no personal data). */
export async function getEnterpriseStatus(ctx: ServiceContext, accountId: string, verificationId: string): Promise<EnterpriseStatus> {
  const row = isUuid(verificationId) ? await findEnterpriseVerification(ctx.db, accountId, verificationId) : undefined;
  if (!row) throw new AppError('NOT_FOUND');
  const session = row.channelSessionId && row.state === 'awaiting_channel' ? await getChannelSession(ctx, row.channelSessionId) : null;
  return { state: row.state, step: ENTERPRISE_STEP[row.state], sessionState: session?.state ?? null, failureCode: row.failureCode as EnterpriseFailure | null };
}
