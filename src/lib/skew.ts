// Options skew sign conventions. Browser-safe: pages may import this module.
//
// The sources quote the same kind of measure, the 25-delta implied-volatility skew, with
// opposite signs:
// - rr25: 25-delta risk reversal, IV(25-delta call) - IV(25-delta put), in vol points.
//   Negative means puts are richer (fear).
// - put_minus_call: IV(25-delta put) - IV(25-delta call), as the "options skew" of the
//   Cointelegraph-style coverage quotes it. Positive means fear.
// Flipping the sign re-expresses a reading in the other convention; it does not make two
// readings at different tenors or on different days comparable in size. Pages show each
// reading in the convention its source printed (see the Derivatives page).

export const SKEW_CONVENTIONS = ["rr25", "put_minus_call"] as const;

export type SkewConvention = (typeof SKEW_CONVENTIONS)[number];

/** Sign of a fearful market (puts richer than calls) in each convention. */
export const FEAR_SIGN: Record<SkewConvention, 1 | -1> = {
  rr25: -1,
  put_minus_call: 1,
};

export function isSkewConvention(name: string): name is SkewConvention {
  return (SKEW_CONVENTIONS as readonly string[]).includes(name);
}

/** Re-express a skew reading in another sign convention: flips the sign only, nothing is rescaled. */
export function toConvention(value: number, from: SkewConvention, to: SkewConvention): number {
  const converted = value * FEAR_SIGN[from] * FEAR_SIGN[to];
  return converted === 0 ? 0 : converted; // avoid -0 in JSON and labels
}
