import { appendAudit } from '@/db/queries/audit';
import { enterpriseLimitOf } from '@/db/queries/enterprise-limits';
import { recentEnterpriseFailures } from '@/db/queries/enterprise-verifications';
import { recentPersonalFailures } from '@/db/queries/personal-verifications';
import { countCurrentHolders, findAccountProcess, findCurrentSubject } from '@/db/queries/subjects';
import { lookUpEnterprise } from '@/lib/channels/registry';
import {
  enterpriseEligibility,
  personalEligibility,
  type AccountFacts,
  type EligibilityResult,
  type RegistryAnswer,
  type RegistryStatus,
} from '@/lib/domain/eligibility/verification-eligibility';
import { chinaCalendarDate } from '@/lib/domain/identity/calendar-date';
import { enterpriseCodeKind } from '@/lib/domain/identity/enterprise-code';
import { maskIdentifier } from '@/lib/domain/mask';
import { AppError } from '@/lib/errors';
import type { MessageCode } from '@/lib/messages';
import type { EnterpriseEligibilityInput, PersonEligibilityInput } from '@/lib/schemas/eligibility';
import { createLimiter, type LimitRule } from '@/lib/security/rate-limit';
import { askRegistryIfAvailable, registryCheckApplies } from '@/lib/features/enterprise';
import type { ChannelServiceContext } from '@/lib/features/channels';
import { IDENTITY_LIMIT_PERSON, personIdentityKey } from '@/lib/features/personal';
import { enterpriseIdentityKey } from '@/lib/features/enterprise';

/**
 * Each check tells how many accounts an ID or an enterprise holds (a count) and asks the
 * registry: enough for a person preparing a verification, too few to probe IDs in bulk.
 */
export const ELIGIBILITY_CHECKS_PER_HOUR: LimitRule = { name: 'eligibility-check-hour', points: 20, durationSeconds: 60 * 60 };

const DAY_MS = 24 * 60 * 60 * 1000;

export type EligibilityCheck = ({ kind: 'person' } & PersonEligibilityInput) | ({ kind: 'enterprise' } & EnterpriseEligibilityInput);

/** What the page shows: the number masked (SPEC §9) — the clear one is never sent back. */
export interface EligibilityView extends EligibilityResult {
  kind: EligibilityCheck['kind'];
  /** 证件类型 / 证照类型: the catalogue's key. */
  typeLabel: MessageCode;
  /** 证件号码 / 统一社会信用代码 / 工商注册号 / 组织机构代码: the catalogue's key. */
  numberLabel: MessageCode;
  numberMasked: string;
  enterpriseName: string | null;
  registryStatus: RegistryStatus | null;
}

/**
 * 认证前检查 (SPEC §13): which methods will work for this account and this document or
 * enterprise, how many account slots are left for it (a count, never whose), and the
 * registry's answer — so nobody walks into a dead end. Reads only: it changes no
 * verification, takes no slot and opens no session. It writes one rate-limit point and
 * one audit row (the number masked, the identity as its blind index), and is refused
 * once the account used up ELIGIBILITY_CHECKS_PER_HOUR.
 */
export async function checkVerificationEligibility(ctx: ChannelServiceContext, accountId: string, check: EligibilityCheck): Promise<EligibilityView> {
  const now = await ctx.clock.now();
  if (!(await createLimiter(ctx.db, ELIGIBILITY_CHECKS_PER_HOUR).take(accountId)).allowed) {
    await appendAudit(ctx.db, { at: now, action: 'limit.eligibility_checks', actorAccountId: accountId, accountId, data: { rule: ELIGIBILITY_CHECKS_PER_HOUR.name } });
    throw new AppError('ELIGIBILITY_CHECKS_LIMITED');
  }

  const [subject, process] = await Promise.all([findCurrentSubject(ctx.db, accountId), findAccountProcess(ctx.db, accountId)]);
  const since = new Date(now.getTime() - DAY_MS);

  let view: EligibilityView;
  let identityKey: string;
  if (check.kind === 'person') {
    identityKey = personIdentityKey(check.documentType, check.documentNumber);
    const [holders, failures] = await Promise.all([countCurrentHolders(ctx.db, identityKey), recentPersonalFailures(ctx.db, accountId, since)]);
    const result = personalEligibility({
      documentType: check.documentType,
      birthDate: check.birthDate,
      today: chinaCalendarDate(now),
      now,
      limit: IDENTITY_LIMIT_PERSON,
      holders,
      failures: failures.flatMap((f) => (f.at ? [f.at] : [])),
      faceFailures: failures.flatMap((f) => (f.at && f.method === 'face' ? [f.at] : [])),
      account: accountFacts(subject, process, identityKey),
    });
    view = {
      ...result,
      kind: 'person',
      typeLabel: `identity.documentType.${check.documentType}`,
      numberLabel: 'identity.documentNumber',
      numberMasked: maskIdentifier(check.documentNumber),
      enterpriseName: null,
      registryStatus: null,
    };
  } else {
    identityKey = enterpriseIdentityKey(check.code, check.enterpriseName);
    const [limit, holders, enterpriseFailures, personalFailures] = await Promise.all([
      enterpriseLimitOf(ctx.db, identityKey),
      countCurrentHolders(ctx.db, identityKey),
      recentEnterpriseFailures(ctx.db, accountId, since),
      recentPersonalFailures(ctx.db, accountId, since),
    ]);
    const registry = await askRegistryRecord(ctx, accountId, check, now);
    const result = enterpriseEligibility({
      licenceType: check.licenceType,
      code: check.code,
      enterpriseName: check.enterpriseName,
      now,
      limit,
      holders,
      registry,
      // R-LIM-7 counts the account's failed verifications of both kinds (choose-enterprise-method.ts).
      failures: [...enterpriseFailures, ...personalFailures.flatMap((f) => (f.at ? [f.at] : []))],
      account: accountFacts(subject, process, identityKey),
    });
    const kind = enterpriseCodeKind(check.code);
    view = {
      ...result,
      kind: 'enterprise',
      typeLabel: `identity.licenceType.${check.licenceType}`,
      numberLabel: `identity.codeKind.${kind ?? 'unknown'}`,
      numberMasked: maskIdentifier(check.code),
      enterpriseName: check.enterpriseName,
    };
  }

  await appendAudit(ctx.db, {
    at: now,
    action: 'verification_eligibility.checked',
    actorAccountId: accountId,
    accountId,
    // SPEC §9: the number masked and the identity as its blind index (the key the limits count), never in clear.
    data: {
      kind: check.kind,
      type: check.kind === 'person' ? check.documentType : check.licenceType,
      number: view.numberMasked,
      identityKey,
      slotsLeft: view.slots.left,
      registry: view.registryStatus,
      canStart: view.canStart,
    },
  });
  return view;
}

function accountFacts(
  subject: Awaited<ReturnType<typeof findCurrentSubject>>,
  process: Awaited<ReturnType<typeof findAccountProcess>>,
  identityKey: string,
): AccountFacts {
  return { subjectKind: subject?.kind ?? null, ownIdentity: subject?.identityKey === identityKey, processKind: process?.kind ?? null };
}

/**
 * R-E-REG's question, asked only where the wizard asks it (营业执照 with a USCC or a
 * registration number). A channel failure is audited and answered as `unavailable`:
 * the check then says it cannot tell, and decides nothing on it (SECURITY 31).
 */
async function askRegistryRecord(ctx: ChannelServiceContext, accountId: string, check: EnterpriseEligibilityInput, now: Date): Promise<RegistryAnswer> {
  if (!registryCheckApplies(check.licenceType, check.code)) return { kind: 'not_asked' };
  const answer = await askRegistryIfAvailable(ctx, accountId, now, (transport) => lookUpEnterprise(check.code, transport), {
    action: 'verification_eligibility.registry_unavailable',
  });
  if (!answer.answered) return { kind: 'unavailable' };
  const record = answer.value;
  return {
    kind: 'answered',
    record: record && {
      name: record.name,
      formerNames: record.nameHistory.map((h) => h.name),
      status: record.status,
      licenceType: record.licenceType,
      legalRepName: record.legalRepName,
    },
  };
}
