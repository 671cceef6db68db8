import { describe, expect, it } from 'vitest';
import {
  CHANNEL_RESULTS,
  CHANNEL_SESSION_STATES,
  RESULT_EVENT,
  RESULTS_BY_CHANNEL,
  SESSION_CHANNELS,
  decideChannelSignal,
  nextPollAt,
  effectiveState,
  isSettled,
  transition,
  type ChannelSessionEvent,
} from './channel-session';

const expiresAt = new Date('2025-06-02T02:05:00.000Z');
const before = new Date('2025-06-02T02:04:59.000Z');
const after = new Date('2025-06-02T02:05:01.000Z');
const EVENTS: ChannelSessionEvent[] = ['channel_passed', 'channel_refused', 'session_expired'];

describe('the channel session machine', () => {
  it('moves an open session to completed, failed or expired', () => {
    expect(transition('open', 'channel_passed')).toBe('completed');
    expect(transition('open', 'channel_refused')).toBe('failed');
    expect(transition('open', 'session_expired')).toBe('expired');
  });

  it('never moves a settled session again (SECURITY A5: states only move forward)', () => {
    for (const state of CHANNEL_SESSION_STATES.filter((s) => s !== 'open')) {
      expect(isSettled(state)).toBe(true);
      for (const event of EVENTS) expect(transition(state, event)).toBeNull();
    }
    expect(isSettled('open')).toBe(false);
  });

  it('maps every result a channel may send to a pass or a refusal', () => {
    for (const channel of SESSION_CHANNELS) {
      for (const result of RESULTS_BY_CHANNEL[channel]) expect(CHANNEL_RESULTS).toContain(result);
    }
    expect(RESULT_EVENT.matched).toBe('channel_passed');
    expect(RESULT_EVENT.authorized).toBe('channel_passed');
    expect(RESULT_EVENT.passed).toBe('channel_passed');
    for (const refused of ['mismatch', 'no_bank_card', 'declined', 'liveness_failed', 'face_mismatch'] as const) {
      expect(RESULT_EVENT[refused]).toBe('channel_refused');
    }
  });
});

describe('deciding what a channel signal does', () => {
  const open = { channel: 'wechat' as const, state: 'open' as const, expiresAt };

  it('completes an open session on a matched result before the deadline', () => {
    expect(decideChannelSignal(open, { kind: 'completed', result: 'matched' }, before)).toEqual({
      kind: 'transition',
      event: 'channel_passed',
      to: 'completed',
      lateCompletion: false,
    });
  });

  it('fails an open session on a refusal (no bank card)', () => {
    expect(decideChannelSignal(open, { kind: 'completed', result: 'no_bank_card' }, before)).toMatchObject({ kind: 'transition', to: 'failed' });
  });

  it('expires instead of completing when the completion arrives after the deadline (SPEC §8)', () => {
    expect(decideChannelSignal(open, { kind: 'completed', result: 'matched' }, after)).toEqual({
      kind: 'transition',
      event: 'session_expired',
      to: 'expired',
      lateCompletion: true,
    });
  });

  it('ignores a completion for an expired session (late callback, out of order)', () => {
    expect(decideChannelSignal({ ...open, state: 'expired' }, { kind: 'completed', result: 'matched' }, before)).toEqual({
      kind: 'ignored',
      reason: 'already_expired',
    });
  });

  it('ignores an expiry for a completed session', () => {
    expect(decideChannelSignal({ ...open, state: 'completed' }, { kind: 'expired' }, after)).toEqual({ kind: 'ignored', reason: 'already_completed' });
  });

  it('ignores a result that belongs to another channel (a face result on a WeChat session)', () => {
    expect(decideChannelSignal(open, { kind: 'completed', result: 'passed' }, before)).toEqual({ kind: 'ignored', reason: 'result_not_for_channel' });
  });

  it('reads an open session past its deadline as expired, without a sweeper', () => {
    expect(effectiveState(open, before)).toBe('open');
    expect(effectiveState(open, expiresAt)).toBe('expired');
    expect(effectiveState({ ...open, state: 'completed' }, after)).toBe('completed');
  });
});

describe('nextPollAt: the poll job asks often at first, then less', () => {
  const opened = new Date('2026-11-27T04:00:00.000Z');
  const at = (minutes: number) => new Date(opened.getTime() + minutes * 60_000);
  const gapSeconds = (minutes: number) => (nextPollAt(opened, at(minutes)).getTime() - at(minutes).getTime()) / 1000;

  it('every 5 s for the first 5 minutes, every 30 s until 30 minutes, then every 2 minutes', () => {
    expect([0, 4.99, 5, 29.99, 30, 119].map(gapSeconds)).toEqual([5, 5, 30, 30, 120, 120]);
  });

  it('asks 155 times over a 2-hour token, where every 5 s would be 1,440 times', () => {
    let asks = 0;
    for (let t = opened; t < at(120); t = nextPollAt(opened, t)) asks += 1;
    expect(asks).toBe(60 + 50 + 45);
  });
});
