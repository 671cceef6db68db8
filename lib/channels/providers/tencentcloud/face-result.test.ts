import { describe, expect, it } from 'vitest';
import { DOCUMENTED_FACE_CODES, FACE_CODE_KIND, decideFaceResult, type FaceCodeKind } from './face-result';

/** The product's predicate (lib/features/channels' keyed comparison), here in clear: whom the session was opened for. */
const seen: { name: string; idNumber: string }[] = [];
const asked = (person: { name: string; idNumber: string }) => {
  seen.push(person);
  return person.name === '张三' && person.idNumber === '11010519491231002X';
};
const passedText = { ErrCode: 0, LiveStatus: 0, Comparestatus: 0, Name: '张三', IdCard: '11010519491231002X' };

describe('the 人脸核身 code table', () => {
  it('maps exactly the documented codes, each to one kind (a new code cannot slip through silently)', () => {
    expect(Object.keys(FACE_CODE_KIND).map(Number).sort((a, b) => a - b)).toEqual([...DOCUMENTED_FACE_CODES].sort((a, b) => a - b));
    expect(new Set(DOCUMENTED_FACE_CODES).size).toBe(DOCUMENTED_FACE_CODES.length);
  });

  it('has one pass only (0), and the flow codes 15 → expired, 17 → pending', () => {
    const passes = Object.entries(FACE_CODE_KIND).filter(([, kind]) => kind === 'passed');
    expect(passes).toEqual([['0', 'passed']]);
    expect(FACE_CODE_KIND[15]).toBe('expired');
    expect(FACE_CODE_KIND[17]).toBe('pending');
  });

  it('sends liveness codes (1xxx) to liveness_failed or service_failed and comparison codes (2xxx) never to passed', () => {
    const allowed: Record<string, FaceCodeKind[]> = {
      '1': ['liveness_failed', 'service_failed'],
      '2': ['face_mismatch', 'identity_rejected', 'liveness_failed', 'service_failed'],
    };
    for (const code of DOCUMENTED_FACE_CODES.filter((c) => c >= 1000)) {
      expect(allowed[String(code)[0]!], `code ${code}`).toContain(FACE_CODE_KIND[code]);
    }
    expect(FACE_CODE_KIND[2016]).toBe('face_mismatch');
    expect(FACE_CODE_KIND[2006]).toBe('identity_rejected');
    expect(FACE_CODE_KIND[301]).toBe('person_differs');
  });
});

describe('deciding a GetDetectInfoEnhanced result (decideFaceResult)', () => {
  it('passes only with ErrCode, LiveStatus and Comparestatus 0 and the returned Name and IdCard the person asked for (isRequestedPerson)', () => {
    seen.length = 0;
    expect(decideFaceResult(passedText, asked)).toEqual({ kind: 'passed', code: 0 });
    // The returned values go to the product's predicate as they came: it decides what is the same person.
    expect(seen).toEqual([{ name: '张三', idNumber: '11010519491231002X' }]);
    expect(decideFaceResult({ ...passedText, IdCard: '11010519491231002x' }, (p) => p.idNumber.toUpperCase() === '11010519491231002X')).toEqual({ kind: 'passed', code: 0 });
  });

  it('refuses a pass for another person: a different Name, IdCard, or none returned', () => {
    expect(decideFaceResult({ ...passedText, Name: '李四' }, asked)).toEqual({ kind: 'person_differs' });
    expect(decideFaceResult({ ...passedText, IdCard: '110105194912310038' }, asked)).toEqual({ kind: 'person_differs' });
    expect(decideFaceResult({ ...passedText, Name: null }, asked)).toEqual({ kind: 'person_differs' });
    expect(decideFaceResult({ ...passedText, IdCard: undefined }, () => true)).toEqual({ kind: 'person_differs' });
  });

  it('asks about the person only for a pass', () => {
    seen.length = 0;
    decideFaceResult({ ErrCode: 1002, LiveStatus: 1002, Name: '张三', IdCard: '11010519491231002X' }, asked);
    expect(seen).toEqual([]);
  });

  it('never believes a success whose stages did not pass', () => {
    expect(decideFaceResult({ ...passedText, LiveStatus: 1002 }, asked)).toEqual({ kind: 'inconsistent' });
    expect(decideFaceResult({ ...passedText, Comparestatus: null }, asked)).toEqual({ kind: 'inconsistent' });
  });

  it('is pending while the flow has no result yet (Text or ErrCode null, or 17)', () => {
    expect(decideFaceResult(null, asked)).toEqual({ kind: 'pending' });
    expect(decideFaceResult({ ErrCode: null }, asked)).toEqual({ kind: 'pending' });
    expect(decideFaceResult({ ErrCode: 17, LiveStatus: 1002 }, asked)).toEqual({ kind: 'pending', code: 17 });
  });

  it('lets the failing stage decide: liveness before comparison, then the final code', () => {
    expect(decideFaceResult({ ErrCode: 1002, LiveStatus: 1002 }, asked)).toEqual({ kind: 'liveness_failed', code: 1002 });
    expect(decideFaceResult({ ErrCode: 2016, LiveStatus: 0, Comparestatus: 2016 }, asked)).toEqual({ kind: 'face_mismatch', code: 2016 });
    expect(decideFaceResult({ ErrCode: 16, LiveStatus: 0, Comparestatus: 2015 }, asked)).toEqual({ kind: 'face_mismatch', code: 2015 });
    expect(decideFaceResult({ ErrCode: 15 }, asked)).toEqual({ kind: 'expired', code: 15 });
    expect(decideFaceResult({ ErrCode: 4 }, asked)).toEqual({ kind: 'service_failed', code: 4 });
  });

  it('reports an undocumented code instead of guessing', () => {
    expect(decideFaceResult({ ErrCode: 9999 }, asked)).toEqual({ kind: 'undocumented', code: 9999 });
    expect(decideFaceResult({ ErrCode: 16, LiveStatus: 1299 }, asked)).toEqual({ kind: 'undocumented', code: 1299 });
  });
});
