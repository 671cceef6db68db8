/**
 * Σ valueᵢ × weightᵢ: the common first step of GB 11643, GB 11714 and GB 32100.
 * Callers pass exactly as many values as weights; anything else is a bug, not input.
 */
export function weightedSum(values: readonly number[], weights: readonly number[]): number {
  if (values.length !== weights.length) {
    throw new Error(`weightedSum: ${values.length} values for ${weights.length} weights`);
  }
  return values.reduce((sum, value, i) => sum + value * (weights[i] as number), 0);
}

/** Each character's value is its position in the standard's alphabet. */
export function characterValues(code: string, alphabet: string): number[] {
  return [...code].map((c) => {
    const value = alphabet.indexOf(c);
    if (value < 0) throw new Error(`characterValues: '${c}' is not in the alphabet`);
    return value;
  });
}
