/**
 * The one zh-CN catalogue (issue 17, "words at the edge"): lib/domain and lib/features
 * return codes with parameters; pages, actions, notifications and errors turn them into
 * the Chinese a user sees here. One section per area; a client component imports only the
 * section it needs (never this index), so a page does not load every sentence.
 */
import { accountMessages } from './account';
import { banksMessages } from './banks';
import { consentMessages } from './consent';
import { eligibilityMessages } from './eligibility';
import { enterpriseMessages } from './enterprise';
import { errorMessages } from './errors';
import { icpMessages } from './icp';
import { identityMessages } from './identity';
import { industriesMessages } from './industries';
import { payoutMessages } from './payout';
import { verificationMessages } from './verification';

export const zhCN = {
  ...errorMessages,
  ...accountMessages,
  ...banksMessages,
  ...consentMessages,
  ...eligibilityMessages,
  ...enterpriseMessages,
  ...icpMessages,
  ...identityMessages,
  ...industriesMessages,
  ...payoutMessages,
  ...verificationMessages,
} as const;

export type MessageCode = keyof typeof zhCN;
