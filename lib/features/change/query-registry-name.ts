import { appendAudit } from '@/db/queries/audit';
import { findCurrentSubject } from '@/db/queries/subjects';
import type { SubjectRow } from '@/db/schema';
import { lookUpEnterprise } from '@/lib/channels/registry';
import { sameEnterpriseName } from '@/lib/domain/enterprise-name';
import { AppError } from '@/lib/errors';
import { decryptField } from '@/lib/security/crypto';
import { createLimiter, type LimitRule } from '@/lib/security/rate-limit';
import type { RenameRegistryAnswer } from './complete-enterprise-rename';
import { SUBJECT_DOCUMENT_CONTEXT } from '@/db/schema';
import { askRegistryIfAvailable } from '@/lib/features/enterprise';
import type { ChannelServiceContext } from '@/lib/features/channels';

/** 查询新名称 asks an outside channel: a person needs a handful of looks, not hundreds. */
export const RENAME_LOOKUPS_PER_HOUR: LimitRule = { name: 'rename-registry-lookup-hour', points: 20, durationSeconds: 60 * 60 };

/** The enterprise subject's own code (decrypted for the registry question only). */
export function subjectCode(subject: SubjectRow): string {
  return decryptField(subject.documentNumberEnc, SUBJECT_DOCUMENT_CONTEXT);
}

/**
 * The registry's record of the current code, asked outside any transaction. A channel
 * failure (timeout, 5xx, garbage) is audited and answered as `unavailable`: the caller
 * decides nothing on it (SECURITY 31).
 */
export async function askRegistryForRename(ctx: ChannelServiceContext, accountId: string, code: string, now: Date): Promise<RenameRegistryAnswer> {
  const answer = await askRegistryIfAvailable(ctx, accountId, now, (transport) => lookUpEnterprise(code, transport), { action: 'enterprise_rename.registry_lookup_failed' });
  if (!answer.answered) return { kind: 'unavailable' };
  const record = answer.value;
  return {
    kind: 'answered',
    record: record && { name: record.name, status: record.status, licenceType: record.licenceType, formerNames: record.nameHistory.map((h) => h.name) },
  };
}

/**
 * 查询新名称 (R-CHG-E2): the name the business registry now lists for the account's own
 * code. The code is the verified subject's, so its registered name is the account's own
 * business (unlike a code typed in §5.1, whose registered name is never shown). Answers
 * whether it still equals the current name (the registry not renamed yet). Refused
 * beside 变更后企业名称 when the registry cannot answer or knows no such code.
 */
export async function queryRegistryName(ctx: ChannelServiceContext, accountId: string): Promise<{ name: string; sameAsCurrent: boolean }> {
  const now = await ctx.clock.now();
  const subject = await findCurrentSubject(ctx.db, accountId);
  if (!subject || subject.kind !== 'enterprise') throw new AppError('CHANGE_NOT_ALLOWED');
  if (!(await createLimiter(ctx.db, RENAME_LOOKUPS_PER_HOUR).take(accountId)).allowed) {
    await appendAudit(ctx.db, { at: now, action: 'limit.rename_lookups', actorAccountId: accountId, accountId, data: { rule: RENAME_LOOKUPS_PER_HOUR.name } });
    throw new AppError('RATE_LIMITED', { field: 'newName' });
  }
  const answer = await askRegistryForRename(ctx, accountId, subjectCode(subject), now);
  if (answer.kind === 'unavailable') throw new AppError('REGISTRY_UNAVAILABLE', { field: 'newName', reason: { code: 'change.error.registry_unavailable' } });
  if (!answer.record) {
    throw new AppError('REGISTRY_CODE_UNKNOWN', { field: 'newName', reason: { code: 'change.error.registry_code_unknown' } });
  }
  await appendAudit(ctx.db, { at: now, action: 'enterprise_rename.registry_queried', actorAccountId: accountId, accountId, data: { status: answer.record.status } });
  return { name: answer.record.name, sameAsCurrent: sameEnterpriseName(answer.record.name, subject.name) };
}
