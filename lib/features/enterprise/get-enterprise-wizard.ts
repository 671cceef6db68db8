import { findChangeRequestOfVerification } from '@/db/queries/change-requests';
import { enterpriseLimitOf } from '@/db/queries/enterprise-limits';
import { findEnterpriseVerification, latestEnterpriseVerification } from '@/db/queries/enterprise-verifications';
import type { EnterpriseVerificationRow } from '@/db/schema';
import { enterpriseCodeKind, type EnterpriseCodeKind, type LicenceType } from '@/lib/domain/identity/enterprise-code';
import { maskIdentifier, maskMobile } from '@/lib/domain/mask';
import { ENTERPRISE_STEP, isEnterpriseInProgress, type EnterpriseStep } from '@/lib/domain/verification/enterprise-machine';
import { type EnterpriseMethod, type EnterpriseMethodOffer } from '@/lib/domain/verification/enterprise-methods';
import { enterpriseFailureText, type EnterpriseFailure } from '@/lib/domain/verification/enterprise-outcome';
import { addressView } from '@/lib/geo/divisions';
import { decryptField } from '@/lib/security/crypto';
import { enterpriseMethodOffer } from './choose-enterprise-method';
import type { ServiceContext } from '../context';
import { loadWizard, type WizardState } from '@/lib/features/verification';
import { ENTERPRISE_CODE_CONTEXT, ENTERPRISE_CONTACT_ID_CONTEXT, ENTERPRISE_CONTACT_MOBILE_CONTEXT, ENTERPRISE_LEGAL_REP_ID_CONTEXT, ENTERPRISE_PROCESS } from '@/db/schema';
import { getChannelSession, type ChannelSessionView } from '@/lib/features/channels';

export interface EnterpriseVerificationView {
  id: string;
  state: EnterpriseVerificationRow['state'];
  /** method = 2 选择认证方式; verify = 3 校验认证信息 (a session is open); done = 认证完成. */
  step: EnterpriseStep;
  licenceType: LicenceType;
  /** The uploaded licence (served by GET /api/uploads/{id} to its owner only). */
  licenceUploadId: string;
  enterpriseName: string;
  codeKind: EnterpriseCodeKind | null;
  /** SPEC §9: `9****************T`. */
  codeMasked: string;
  address: { province: string; city: string; district: string; detail: string; label: string };
  contactName: string;
  contactIdNumberMasked: string;
  contactMobileMasked: string;
  method: EnterpriseMethod | null;
  legalRepName: string | null;
  legalRepIdNumberMasked: string | null;
  failure: { code: EnterpriseFailure; text: ReturnType<typeof enterpriseFailureText> } | null;
  /**
   * Step 3's channel session: the open one while waiting, or — back at choosing a
   * method — the last one, so that the page can say why (the code expired, or the
   * administrator / legal rep declined) and offer a new code.
   */
  session: ChannelSessionView | null;
  /** R-E-TYPE / R-LIM-7: the methods offered, 推荐, and why any is withheld (unfinished verifications only). */
  offer: EnterpriseMethodOffer | null;
  registryCheckedAt: Date | null;
  completedAt: Date | null;
  /** It proves the new subject of a change request (ADR 0013): the pages say 正在变更认证主体. */
  changing: boolean;
  /**
   * The clear values, only while the verification is unfinished: for the user's own
   * step-1 form (返回修改认证信息). Never shown elsewhere (SPEC §9).
   */
  editable: {
    code: string;
    contactIdNumber: string;
    /** 11 digits, without +86. */
    contactMobile: string;
    province: string;
    city: string;
    district: string;
    addressDetail: string;
  } | null;
}

export type EnterpriseWizard = WizardState<EnterpriseVerificationView>;

/** How a bank method's page reads a verification at `now`: as its passed deadline will leave it, written nowhere. */
export type EnterpriseRowAt = (row: EnterpriseVerificationRow, now: Date) => Promise<EnterpriseVerificationRow>;

/**
 * Everything the enterprise wizard page needs, for the signed-in account only (masked,
 * SPEC §9). `rowAt`: the recharge and payout pages show a passed deadline before the
 * sweeper writes it.
 */
export async function getEnterpriseWizard(ctx: ServiceContext, accountId: string, rowAt?: EnterpriseRowAt): Promise<EnterpriseWizard> {
  return loadWizard(ctx, accountId, {
    process: ENTERPRISE_PROCESS,
    linked: 'enterprise',
    find: findEnterpriseVerification,
    latest: latestEnterpriseVerification,
    view: async (row, now) => toEnterpriseView(ctx, rowAt ? await rowAt(row, now) : row, now),
  });
}

export async function toEnterpriseView(ctx: ServiceContext, row: EnterpriseVerificationRow, now: Date): Promise<EnterpriseVerificationView> {
  const code = decryptField(row.codeEnc, ENTERPRISE_CODE_CONTEXT);
  const contactId = decryptField(row.contactIdNumberEnc, ENTERPRISE_CONTACT_ID_CONTEXT);
  const mobile = decryptField(row.contactMobileEnc, ENTERPRISE_CONTACT_MOBILE_CONTEXT);
  const method = row.method;
  const failure = row.failureCode as EnterpriseFailure | null;
  const kind = enterpriseCodeKind(code);
  const unfinished = isEnterpriseInProgress(row.state);
  const limit = failure === 'enterprise_limit' ? await enterpriseLimitOf(ctx.db, row.identityKey) : undefined;
  return {
    id: row.id,
    state: row.state,
    step: ENTERPRISE_STEP[row.state],
    licenceType: row.licenceType,
    licenceUploadId: row.licenceUploadId,
    enterpriseName: row.enterpriseName,
    codeKind: kind,
    codeMasked: maskIdentifier(code),
    address: addressView(row),
    contactName: row.contactName,
    contactIdNumberMasked: maskIdentifier(contactId),
    contactMobileMasked: maskMobile(mobile),
    method,
    legalRepName: row.legalRepName,
    legalRepIdNumberMasked: row.legalRepIdNumberEnc ? maskIdentifier(decryptField(row.legalRepIdNumberEnc, ENTERPRISE_LEGAL_REP_ID_CONTEXT)) : null,
    failure: failure ? { code: failure, text: enterpriseFailureText(failure, limit) } : null,
    session: row.channelSessionId && unfinished ? await getChannelSession(ctx, row.channelSessionId) : null,
    offer: unfinished ? await enterpriseMethodOffer(ctx, row, now) : null,
    registryCheckedAt: row.registryCheckedAt,
    completedAt: row.completedAt,
    changing: Boolean(await findChangeRequestOfVerification(ctx.db, 'enterprise', row.id)),
    editable: unfinished
      ? {
          code,
          contactIdNumber: contactId,
          contactMobile: mobile.replace(/^\+86/, ''),
          province: row.province,
          city: row.city,
          district: row.district,
          addressDetail: row.addressDetail,
        }
      : null,
  };
}
