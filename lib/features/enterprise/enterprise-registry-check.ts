import { appendAudit } from '@/db/queries/audit';
import { ChannelFailure } from '@/lib/channels/http-client';
import { lookUpEnterprise } from '@/lib/channels/registry';
import type { AuditAction } from '@/lib/domain/audit';
import { enterpriseCodeKind, type LicenceType } from '@/lib/domain/identity/enterprise-code';
import { sameEnterpriseName } from '@/lib/domain/enterprise-name';
import { AppError } from '@/lib/errors';
import type { ChannelServiceContext } from '@/lib/features/channels';

/**
 * R-E-REG applies to subjects with a 营业执照 and a USCC or a 15-digit registration
 * number; organisation codes and 非营业执照 subjects are not in the business registry.
 */
export function registryCheckApplies(licenceType: LicenceType | string, code: string): boolean {
  const kind = enterpriseCodeKind(code);
  return licenceType === 'business_licence' && (kind === 'uscc' || kind === 'registration_number');
}

/** R-E-REG: the name typed is one the registry lists as the enterprise's former name. */
const FORMER_NAME_MESSAGE = { code: 'enterprise.registry.formerName' } as const;

/** How a failed registry question is audited: the action, and what else the row says. */
export interface RegistryFailureAudit {
  action: AuditAction;
  data?: Record<string, unknown>;
}

const VERIFICATION_AUDIT: RegistryFailureAudit = { action: 'enterprise_verification.registry_unavailable' };

/**
 * One question to the registry channel; when the channel fails (timeout, 5xx, garbage)
 * the failure is audited and answered as `answered: false` — nothing is decided on it
 * (SECURITY 31).
 */
export async function askRegistryIfAvailable<T>(
  ctx: ChannelServiceContext,
  accountId: string,
  now: Date,
  ask: (transport: ChannelServiceContext['channelTransport']) => Promise<T>,
  audit: RegistryFailureAudit = VERIFICATION_AUDIT,
): Promise<{ answered: true; value: T } | { answered: false }> {
  try {
    return { answered: true, value: await ask(ctx.channelTransport) };
  } catch (error) {
    if (!(error instanceof ChannelFailure)) throw error;
    await appendAudit(ctx.db, {
      at: now,
      action: audit.action,
      actorAccountId: accountId,
      accountId,
      data: { ...audit.data, failure: error.kind, httpStatus: error.info.httpStatus ?? null },
    });
    return { answered: false };
  }
}

/** The same question for a step that cannot go on without the answer: a failure is REGISTRY_UNAVAILABLE (try again). */
export async function askRegistry<T>(
  ctx: ChannelServiceContext,
  accountId: string,
  now: Date,
  ask: (transport: ChannelServiceContext['channelTransport']) => Promise<T>,
  audit: RegistryFailureAudit = VERIFICATION_AUDIT,
): Promise<T> {
  const answer = await askRegistryIfAvailable(ctx, accountId, now, ask, audit);
  if (!answer.answered) throw new AppError('REGISTRY_UNAVAILABLE');
  return answer.value;
}

/**
 * R-E-REG: asks the business registry that the code exists, that it is registered
 * under this name, and that the enterprise is 存续. Each refusal is an AppError naming
 * the field (code unknown → `code`; another name → `enterpriseName`; 注销 → `code`;
 * registered as a non-business subject → `licenceType`). The registry's current name is
 * never shown (a user who types a code learns nothing from us but "not this name");
 * typing a former name is told as such, since the user already knows it.
 * A registry that times out or fails → REGISTRY_UNAVAILABLE, a retryable error; the
 * caller changes nothing then.
 *
 * Answers whether a check was made (false when R-E-REG does not apply).
 */
export async function checkEnterpriseRegistry(
  ctx: ChannelServiceContext,
  accountId: string,
  input: { licenceType: LicenceType | string; code: string; enterpriseName: string },
  now: Date,
): Promise<boolean> {
  if (!registryCheckApplies(input.licenceType, input.code)) return false;
  const refuse = async (reason: string, error: AppError) => {
    await appendAudit(ctx.db, { at: now, action: 'enterprise_verification.registry_refused', actorAccountId: accountId, accountId, data: { reason } });
    throw error;
  };

  const record = await askRegistry(ctx, accountId, now, (transport) => lookUpEnterprise(input.code, transport));
  if (!record) return refuse('code_unknown', new AppError('REGISTRY_CODE_UNKNOWN'));
  if (record.status === 'deregistered') return refuse('deregistered', new AppError('REGISTRY_DEREGISTERED'));
  if (!sameEnterpriseName(record.name, input.enterpriseName)) {
    const former = record.nameHistory.some((h) => sameEnterpriseName(h.name, input.enterpriseName));
    return refuse(
      former ? 'former_name' : 'name_mismatch',
      new AppError(
        'REGISTRY_NAME_MISMATCH',
        former ? { reason: FORMER_NAME_MESSAGE } : undefined,
      ),
    );
  }
  if (record.licenceType !== 'business_licence') return refuse('licence_type', new AppError('REGISTRY_LICENCE_TYPE_MISMATCH'));
  return true;
}
