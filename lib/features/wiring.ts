/**
 * The composition root: the feature modules depend on each other in one order (lint
 * proves it, .dependency-cruiser.cjs), and where a lower module must reach code above it
 * it declares a plug point that is filled here. Each record is exhaustive, so a new
 * channel session purpose, bank event, review case kind or bank method without a handler
 * does not compile. Imported by runtime.ts (every entry point's context) and by the test
 * setup.
 */
import { applyChangeChannelResult, applyRenameResubmission, applyRenameReviewDecision, applySubjectChangeResubmission, applySubjectChangeReviewDecision, changeRequestLink } from './change';
import { bankEventHandlers, settledSessionHandlers } from './channels';
import { applyEnterpriseChannelResult, bankMethodLeavers } from './enterprise';
import { applyBankReturnSettled, applyPayoutOperatorResult, applyPayoutResubmission, applyPayoutResult, applyPayoutReviewDecision, cancelPayoutInTx } from './payout';
import { applyPersonalChannelResult } from './personal';
import { applyIncomingTransfer, cancelRechargeInTx } from './recharge';
import { reviewDecisionHandlers, reviewResubmissionHandlers } from './review';
import { changeLink } from './verification';

settledSessionHandlers.plug({
  personal_verification: applyPersonalChannelResult,
  enterprise_verification: applyEnterpriseChannelResult,
  subject_change: applyChangeChannelResult,
  payout_operator: applyPayoutOperatorResult,
});

bankEventHandlers.plug({
  'transfer.received': applyIncomingTransfer,
  'payout.settled': applyPayoutResult,
  'payout.failed': applyPayoutResult,
  'refund.settled': applyBankReturnSettled,
  'withdrawal.settled': applyBankReturnSettled,
});

reviewDecisionHandlers.plug({
  payout_materials: applyPayoutReviewDecision,
  subject_change_proofs: applySubjectChangeReviewDecision,
  name_change_proofs: applyRenameReviewDecision,
});

reviewResubmissionHandlers.plug({
  payout_materials: applyPayoutResubmission,
  subject_change_proofs: applySubjectChangeResubmission,
  name_change_proofs: applyRenameResubmission,
});

bankMethodLeavers.plug({ recharge: cancelRechargeInTx, payout: cancelPayoutInTx });

changeLink.plug(changeRequestLink);
