import { describe, expect, it } from 'vitest';
import { retentionCutoffs } from './retention';

describe('retention cut-offs (SECURITY 21)', () => {
  it('counts whole days back from now: drafts and unreferenced files by the idle period, ended submissions by the retention period', () => {
    const now = new Date('2026-11-27T04:00:00.000Z');
    expect(retentionCutoffs(now, { draftIdleDays: 30, retentionDays: 90 })).toEqual({
      idleBefore: new Date('2026-10-28T04:00:00.000Z'),
      endedBefore: new Date('2026-08-29T04:00:00.000Z'),
      orphanUploadBefore: new Date('2026-10-28T04:00:00.000Z'),
    });
  });
});
