import { findPersonalVerification, latestPersonalVerification } from '@/db/queries/personal-verifications';
import type { PersonalVerificationRow } from '@/db/schema';
import type { PersonalDocumentType } from '@/lib/domain/identity/document-types';
import { maskIdentifier } from '@/lib/domain/mask';
import type { MethodOffer, PersonalMethod } from '@/lib/domain/verification/personal-methods';
import { personalFailureText, type PersonalFailure } from '@/lib/domain/verification/personal-outcome';
import { addressView } from '@/lib/geo/divisions';
import { decryptField } from '@/lib/security/crypto';
import { personalMethodOffer } from './choose-personal-method';
import type { ServiceContext } from '../context';
import { loadWizard, type WizardState } from '@/lib/features/verification';
import { getChannelSession, type ChannelSessionView } from '@/lib/features/channels';
import { DOCUMENT_NUMBER_CONTEXT, PERSONAL_PROCESS } from '@/db/schema';

export interface PersonalVerificationView {
  id: string;
  state: PersonalVerificationRow['state'];
  realName: string;
  documentType: PersonalDocumentType;
  /** SPEC §9: masked everywhere but in the user's own form. */
  documentNumberMasked: string;
  industry: string | null;
  address: { province: string; city: string; district: string; detail: string; label: string };
  method: PersonalMethod | null;
  failure: { code: PersonalFailure; text: ReturnType<typeof personalFailureText> } | null;
  /**
   * Step 2's channel session: the open one while waiting, or — back at choosing a
   * method — the last one, so that the page can say why (the code expired, or the
   * person declined on the phone) and offer a new code.
   */
  session: ChannelSessionView | null;
  offer: MethodOffer | null;
  completedAt: Date | null;
  /** The clear number, only while the verification is unfinished: for the user's own step-1 form. */
  editableDocumentNumber: string | null;
}

export type PersonalWizard = WizardState<PersonalVerificationView>;

/** Everything the personal wizard page needs, for the signed-in account only. */
export async function getPersonalWizard(ctx: ServiceContext, accountId: string): Promise<PersonalWizard> {
  return loadWizard(ctx, accountId, { process: PERSONAL_PROCESS, linked: 'personal', find: findPersonalVerification, latest: latestPersonalVerification, view: (row, now) => toView(ctx, row, now) });
}

async function toView(ctx: ServiceContext, row: PersonalVerificationRow, now: Date): Promise<PersonalVerificationView> {
  const number = decryptField(row.documentNumberEnc, DOCUMENT_NUMBER_CONTEXT);
  const method = row.method;
  const failure = row.failureCode as PersonalFailure | null;
  const waiting = row.state === 'confirmed' || row.state === 'awaiting_channel';
  return {
    id: row.id,
    state: row.state,
    realName: row.realName,
    documentType: row.documentType,
    documentNumberMasked: maskIdentifier(number),
    industry: row.industry,
    address: addressView(row),
    method,
    failure: failure ? { code: failure, text: personalFailureText(failure, method) } : null,
    session: row.channelSessionId && waiting ? await getChannelSession(ctx, row.channelSessionId) : null,
    offer: waiting ? await personalMethodOffer(ctx, row, now) : null,
    completedAt: row.completedAt,
    editableDocumentNumber: row.state === 'draft' || waiting ? number : null,
  };
}
