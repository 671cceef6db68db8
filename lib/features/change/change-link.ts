import type { ChangeLink } from '@/lib/features/verification';
import { cancelSubjectChange } from './cancel-subject-change';
import { completeSubjectChange } from './complete-subject-change';
import { changeAwaitingNewSubject, linkChangeVerificationInTx, linkedVerificationEndedInTx } from './link-change-verification';

/** The change module's side of the verification flows' plug point (wiring.ts plugs it in). */
export const changeRequestLink: ChangeLink = {
  awaitingNewSubject: changeAwaitingNewSubject,
  linkVerificationInTx: linkChangeVerificationInTx,
  verificationEndedInTx: linkedVerificationEndedInTx,
  verificationSucceededInTx: completeSubjectChange,
  cancelChange: cancelSubjectChange,
};
