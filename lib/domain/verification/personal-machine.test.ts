import { describe, expect, it } from 'vitest';
import { PERSONAL_STATES, personalTransition, type PersonalEvent } from './personal-machine';

const EVENTS: PersonalEvent[] = [
  'edit',
  'confirm',
  'open_session',
  'channel_matched',
  'channel_failed',
  'channel_declined',
  'session_expired',
  'limit_refused',
  'abandon',
  'cancel',
];

describe('personal verification state machine', () => {
  it('walks the happy path: draft → confirmed → awaiting channel → succeeded', () => {
    expect(personalTransition('draft', 'confirm')).toBe('confirmed');
    expect(personalTransition('confirmed', 'open_session')).toBe('awaiting_channel');
    expect(personalTransition('awaiting_channel', 'channel_matched')).toBe('succeeded');
  });
  it('returns to choosing a method when the person declines or the session expires', () => {
    expect(personalTransition('awaiting_channel', 'channel_declined')).toBe('confirmed');
    expect(personalTransition('awaiting_channel', 'session_expired')).toBe('confirmed');
  });
  it('offers a new code while waiting (open_session again)', () => {
    expect(personalTransition('awaiting_channel', 'open_session')).toBe('awaiting_channel');
  });
  it('fails on a channel failure or a limit refusal at completion', () => {
    expect(personalTransition('awaiting_channel', 'channel_failed')).toBe('failed');
    expect(personalTransition('awaiting_channel', 'limit_refused')).toBe('failed');
  });
  it('refuses skipping steps: no session before the data is confirmed (SECURITY 27)', () => {
    expect(personalTransition('draft', 'open_session')).toBeNull();
    expect(personalTransition('confirmed', 'channel_matched')).toBeNull();
  });
  it('can be cancelled at any step before it ends', () => {
    for (const s of ['draft', 'confirmed', 'awaiting_channel'] as const) expect(personalTransition(s, 'cancel')).toBe('cancelled');
  });
  it('never leaves a final state, whatever arrives late', () => {
    for (const s of ['succeeded', 'failed', 'expired', 'cancelled'] as const) {
      for (const e of EVENTS) expect(personalTransition(s, e)).toBeNull();
    }
  });
  it('has an entry for every state', () => {
    for (const s of PERSONAL_STATES) expect(() => personalTransition(s, 'cancel')).not.toThrow();
  });
});
