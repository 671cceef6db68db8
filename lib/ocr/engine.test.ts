import { describe, expect, it } from 'vitest';
import { decode } from './engine';

/** A recognition output of one line: per step, the probability of each class (0 is CTC's blank). */
function output(steps: number[][]) {
  return { data: Float32Array.from(steps.flat()), dims: [1, steps.length, steps[0]!.length] };
}

describe('decode: the recognition model’s output → text and mean confidence', () => {
  const dictionary = ['名', '称', 'A'];

  it('takes the most likely class of each step, drops blanks and collapses repeats not separated by a blank', () => {
    const line = decode(
      output([
        [0.1, 0.9, 0, 0], // 名
        [0.2, 0.8, 0, 0], // 名 again: one character
        [0.9, 0.1, 0, 0], // blank
        [0.3, 0.7, 0, 0], // 名 after a blank: a second one
        [0.1, 0, 0.5, 0.4], // 称
      ]),
      dictionary,
    );
    expect(line.text).toBe('名名称');
    // The mean over the characters kept, each at the step it was read.
    expect(line.mean).toBeCloseTo((0.9 + 0.7 + 0.5) / 3, 6);
  });

  it('keeps the first class among equally likely ones, and answers an empty text with confidence 0 for blanks only', () => {
    expect(decode(output([[0, 0.5, 0.5, 0]]), dictionary).text).toBe('名');
    expect(decode(output([[1, 0, 0, 0], [1, 0, 0, 0]]), dictionary)).toEqual({ text: '', mean: 0 });
  });
});
