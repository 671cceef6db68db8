import { describe, expect, it } from 'vitest';
import { blindIndex, decryptField, encryptField } from './crypto';

const PHONE = '+8613812345678';
const CONTEXT = 'account.contact_phone';

/** Flips one bit of the base64url part `index` (1 = iv, 2 = tag, 3 = ciphertext). */
function tamper(stored: string, index: 1 | 2 | 3): string {
  const parts = stored.split('.');
  const bytes = Buffer.from(parts[index]!, 'base64url');
  bytes[0]! ^= 0x01;
  parts[index] = bytes.toString('base64url');
  return parts.join('.');
}

describe('field encryption (AES-256-GCM, SPEC §9)', () => {
  it('decrypts what it encrypted, and stores no clear value', () => {
    const stored = encryptField(PHONE, CONTEXT);

    expect(stored).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(stored).not.toContain('13812345678');
    expect(decryptField(stored, CONTEXT)).toBe(PHONE);
  });

  it('encrypts the same value differently each time (random IV)', () => {
    expect(encryptField(PHONE, CONTEXT)).not.toBe(encryptField(PHONE, CONTEXT));
  });

  it('round-trips Chinese text and the empty string', () => {
    expect(decryptField(encryptField('王小明', 'subject.name'), 'subject.name')).toBe('王小明');
    expect(decryptField(encryptField('', CONTEXT), CONTEXT)).toBe('');
  });

  it('refuses a ciphertext copied into another column (context bound as associated data)', () => {
    const stored = encryptField(PHONE, CONTEXT);

    expect(() => decryptField(stored, 'subject.id_number')).toThrow();
  });

  it('refuses a tampered ciphertext, tag or IV', () => {
    const stored = encryptField(PHONE, CONTEXT);

    expect(() => decryptField(tamper(stored, 3), CONTEXT)).toThrow();
    expect(() => decryptField(tamper(stored, 2), CONTEXT)).toThrow();
    expect(() => decryptField(tamper(stored, 1), CONTEXT)).toThrow();
  });

  it('refuses an unknown format or key version', () => {
    const stored = encryptField(PHONE, CONTEXT);

    expect(() => decryptField(stored.replace(/^v1\./, 'v2.'), CONTEXT)).toThrow('Unknown ciphertext format');
    expect(() => decryptField('13812345678', CONTEXT)).toThrow('Unknown ciphertext format');
  });
});

describe('blind index (keyed hash for look-ups without the clear value)', () => {
  it('is the same for the same value and kind', () => {
    expect(blindIndex('li.na@example.com', 'signin-email')).toBe(blindIndex('li.na@example.com', 'signin-email'));
  });

  it('differs across kinds and across values', () => {
    const value = '11010519491231002X';
    expect(blindIndex(value, 'id-number')).not.toBe(blindIndex(value, 'bank-account'));
    expect(blindIndex(value, 'id-number')).not.toBe(blindIndex('11010519491231003X', 'id-number'));
  });

  it('never contains the clear value', () => {
    const index = blindIndex('13812345678', 'mobile');
    expect(index).toMatch(/^[\w-]{43}$/);
    expect(index).not.toContain('13812345678');
  });
});
