import { describe, expect, it } from 'vitest';
import { ENTERPRISE_STATES, enterpriseTransition, isEnterpriseInProgress, type EnterpriseEvent } from './enterprise-machine';

const EVENTS: EnterpriseEvent[] = [
  'edit',
  'open_session',
  'check_failed',
  'channel_matched',
  'channel_failed',
  'channel_declined',
  'session_expired',
  'limit_refused',
  'abandon',
  'cancel',
];

describe('enterprise verification state table', () => {
  it('walks the happy path: draft → awaiting_channel → succeeded', () => {
    expect(enterpriseTransition('draft', 'open_session')).toBe('awaiting_channel');
    expect(enterpriseTransition('awaiting_channel', 'channel_matched')).toBe('succeeded');
  });

  it('returns to choosing a method after a decline or an expired code, and allows a new code', () => {
    expect(enterpriseTransition('awaiting_channel', 'channel_declined')).toBe('draft');
    expect(enterpriseTransition('awaiting_channel', 'session_expired')).toBe('draft');
    expect(enterpriseTransition('awaiting_channel', 'open_session')).toBe('awaiting_channel');
  });

  it('refuses completing before a session was opened (SECURITY 27)', () => {
    expect(enterpriseTransition('draft', 'channel_matched')).toBeNull();
    expect(enterpriseTransition('draft', 'channel_failed')).toBeNull();
    expect(enterpriseTransition('draft', 'limit_refused')).toBeNull();
  });

  it('fails a legal-rep check from either unfinished state', () => {
    expect(enterpriseTransition('draft', 'check_failed')).toBe('failed');
    expect(enterpriseTransition('awaiting_channel', 'check_failed')).toBe('failed');
  });

  it('never leaves a final state (SECURITY A5: states only move forward)', () => {
    for (const state of ['succeeded', 'failed', 'expired', 'cancelled'] as const) {
      for (const event of EVENTS) expect(enterpriseTransition(state, event)).toBeNull();
      expect(isEnterpriseInProgress(state)).toBe(false);
    }
  });

  it('lets every unfinished state be cancelled, abandoned or edited', () => {
    for (const state of ENTERPRISE_STATES.filter(isEnterpriseInProgress)) {
      expect(enterpriseTransition(state, 'cancel')).toBe('cancelled');
      expect(enterpriseTransition(state, 'abandon')).toBe('expired');
      expect(enterpriseTransition(state, 'edit')).toBe('draft');
    }
  });
});
