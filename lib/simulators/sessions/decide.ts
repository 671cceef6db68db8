import { normaliseIdentifier, normaliseText } from '@/lib/domain/normalise';
import type { IdType, PhoneChannel } from '../schema';

export type ScanResult = 'matched' | 'mismatch' | 'no_bank_card' | 'declined';

interface Identity {
  name: string;
  idType: IdType;
  idNumber: string;
}

/** Whether a wallet's real-name record is exactly the identity the product expects. */
export function sameIdentity(expected: Identity, record: Identity): boolean {
  return (
    normaliseText(expected.name) === normaliseText(record.name) &&
    expected.idType === record.idType &&
    normaliseIdentifier(expected.idNumber) === normaliseIdentifier(record.idNumber)
  );
}

/**
 * What a WeChat / QQ scan answers once the user authorises (R-P-WX, R-P-QQ). Without a
 * bank card there is no WeChat Pay / QQ Wallet real-name record to compare: WeChat
 * answers `no_bank_card`; QQ first shows its bind-card page (`bind_card`), then compares.
 */
export function decideScan(channel: PhoneChannel, expected: Identity, user: Identity & { bankCard: boolean }): Exclude<ScanResult, 'declined'> | 'bind_card' {
  if (!user.bankCard) return channel === 'qq' ? 'bind_card' : 'no_bank_card';
  return sameIdentity(expected, user) ? 'matched' : 'mismatch';
}
