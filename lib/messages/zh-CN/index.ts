/**
 * The one zh-CN catalogue (issue 17, "words at the edge"): lib/domain and lib/features
 * return codes with parameters; pages, actions, notifications and errors turn them into
 * the Chinese a user sees here. One section per area; a client component imports only the
 * section it needs (never this index), so a page does not load every sentence.
 */
import { accountLinksMessages } from './account-links';
import { accountMessages } from './account';
import { accountStatusMessages } from './account-status';
import { balanceMessages } from './balance';
import { banksMessages } from './banks';
import { calendarMessages } from './calendar';
import { cdnMessages } from './cdn';
import { changeMessages } from './change';
import { channelsMessages } from './channels';
import { consentMessages } from './consent';
import { eligibilityMessages } from './eligibility';
import { enterpriseMessages } from './enterprise';
import { entitlementsMessages } from './entitlements';
import { errorMessages } from './errors';
import { icpMessages } from './icp';
import { identityMessages } from './identity';
import { industriesMessages } from './industries';
import { notificationsMessages } from './notifications';
import { operationsMessages } from './operations';
import { payoutMessages } from './payout';
import { privacyMessages } from './privacy';
import { reviewMessages } from './review';
import { timeMessages } from './time';
import { uploadsMessages } from './uploads';
import { verificationMessages } from './verification';
import { wizardMessages } from './wizard';

export const zhCN = {
  ...errorMessages,
  ...reviewMessages,
  ...changeMessages,
  ...channelsMessages,
  ...notificationsMessages,
  ...accountLinksMessages,
  ...accountStatusMessages,
  ...balanceMessages,
  ...calendarMessages,
  ...cdnMessages,
  ...entitlementsMessages,
  ...operationsMessages,
  ...privacyMessages,
  ...timeMessages,
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
  ...uploadsMessages,
  ...wizardMessages,
} as const;

export type MessageCode = keyof typeof zhCN;
