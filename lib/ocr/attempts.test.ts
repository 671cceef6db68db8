import { describe, expect, it } from 'vitest';
import { attemptPlan, complete, mergeReading, NOTHING_READ } from './attempts';
import type { ExtractedFields } from './extract';

const fields = (f: Partial<ExtractedFields>): ExtractedFields => ({ name: null, nameFrom: null, nameConfidence: f.name ? 0.99 : null, code: null, codes: f.code ? [f.code] : [], ...f });
const CODE = '91110108MA01ABCD5T';

describe('attemptPlan', () => {
  it('with a QR code: its turn, the same enhanced, then the other turns', () => {
    expect(attemptPlan(270)).toEqual([
      { rotation: 270, enhanced: false },
      { rotation: 270, enhanced: true },
      { rotation: 0, enhanced: false },
      { rotation: 90, enhanced: false },
      { rotation: 180, enhanced: false },
    ]);
  });

  it('without one: upright, the quarter turns, half a turn, then upright enhanced', () => {
    expect(attemptPlan(null).map((a) => `${a.rotation}${a.enhanced ? '+' : ''}`)).toEqual(['0', '90', '270', '180', '0+']);
  });
});

describe('mergeReading', () => {
  it('keeps the first valid code and takes its turn', () => {
    let r = mergeReading(NOTHING_READ, fields({}), 0);
    expect(r).toEqual(NOTHING_READ);
    r = mergeReading(r, fields({ code: CODE, name: '北京星河数智科技有限公司', nameFrom: 'label' }), 90);
    expect(r).toEqual({ code: CODE, name: '北京星河数智科技有限公司', nameFrom: 'label', nameConfidence: 0.99, rotation: 90 });
    expect(complete(r, false)).toBe(true);
    r = mergeReading(r, fields({ code: '12440300455758803K', name: '别的名称有限公司', nameFrom: 'label' }), 180);
    expect(r).toEqual({ code: CODE, name: '北京星河数智科技有限公司', nameFrom: 'label', nameConfidence: 0.99, rotation: 90 });
  });

  it('lets a name read beside its label replace one that only looked like a name', () => {
    let r = mergeReading(NOTHING_READ, fields({ code: CODE, name: '某某研究所', nameFrom: 'pattern' }), 0);
    expect(complete(r, false)).toBe(false);
    r = mergeReading(r, fields({ name: '北京星河数智科技有限公司', nameFrom: 'label' }), 0);
    expect(r).toEqual({ code: CODE, name: '北京星河数智科技有限公司', nameFrom: 'label', nameConfidence: 0.99, rotation: 0 });
    // …never the other way round.
    r = mergeReading(r, fields({ name: '另一个公司', nameFrom: 'pattern' }), 0);
    expect(r.name).toBe('北京星河数智科技有限公司');
  });

  it('combines a name from one attempt with a code from another', () => {
    let r = mergeReading(NOTHING_READ, fields({ name: '北京星河数智科技有限公司', nameFrom: 'label' }), 0);
    expect(r.rotation).toBe(0);
    r = mergeReading(r, fields({ code: CODE }), 0);
    expect(r).toEqual({ code: CODE, name: '北京星河数智科技有限公司', nameFrom: 'label', nameConfidence: 0.99, rotation: 0 });
  });

  it('takes a later attempt that read both fields whole, turn included, over a partial earlier one', () => {
    let r = mergeReading(NOTHING_READ, fields({ code: CODE, name: '某某研究所', nameFrom: 'pattern' }), 0);
    r = mergeReading(r, fields({ code: '12440300455758803K', name: '深圳市南山区青少年科技创新服务中心', nameFrom: 'label' }), 180);
    expect(r).toMatchObject({ code: '12440300455758803K', name: '深圳市南山区青少年科技创新服务中心', rotation: 180 });
  });

  it('keeps the more confident of two names read beside the label; unsure until an enhanced reading was tried', () => {
    let r = mergeReading(NOTHING_READ, fields({ code: CODE, name: '深圳前海微众数字利技有限公司', nameFrom: 'label', nameConfidence: 0.93 }), 0);
    expect(complete(r, false)).toBe(false);
    expect(complete(r, true)).toBe(true);
    r = mergeReading(r, fields({ code: CODE, name: '深圳前海微众数字科技有限公司', nameFrom: 'label', nameConfidence: 0.98 }), 0);
    expect(r).toMatchObject({ name: '深圳前海微众数字科技有限公司', nameConfidence: 0.98 });
    r = mergeReading(r, fields({ code: CODE, name: '深圳前海微众数宇科技有限公司', nameFrom: 'label', nameConfidence: 0.9 }), 0);
    expect(r.name).toBe('深圳前海微众数字科技有限公司');
  });

  it('between two names alike, prefers the one read with the code, and its turn', () => {
    let r = mergeReading(NOTHING_READ, fields({ name: '乱码研究所', nameFrom: 'pattern' }), 0);
    r = mergeReading(r, fields({ code: CODE, name: '北京开源软件促进会', nameFrom: 'pattern' }), 270);
    expect(r).toEqual({ code: CODE, name: '北京开源软件促进会', nameFrom: 'pattern', nameConfidence: 0.99, rotation: 270 });
  });
});
