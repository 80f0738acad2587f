// Options skew sign conventions. Browser-safe: pages may import this module.
//
// The sources quote skew two ways:
// - rr25: 25-delta risk reversal, IV(25-delta call) - IV(25-delta put), in vol
//   points. Negative means puts are richer (fear). Deribit / Block Scholes
//   quoted about -13 for short-dated BTC options in early February 2026.
// - put_minus_call: the "options skew" of the Cointelegraph-style pieces,
//   put premium minus call premium. Positive means fear; above 6 is the fear
//   line they use; they quoted 20 on Feb 6, 2026 and 11 on Nov 21, 2025.
//
// Both measure the same phenomenon (demand for downside protection) with
// opposite signs. They are NOT the same quantity: different construction and
// different tenors. Converting -13 rr25 gives 13 put_minus_call, which says
// "13 points of fear" in that convention, not "the 20 reading was 13". The
// conversion below only flips the sign convention; any page that shows the
// two readings together must say that their magnitudes are not comparable.

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

/**
 * Re-express a skew reading in another sign convention, so that "fear" points
 * the same way on one chart. Flips the sign only; it does not rescale, because
 * the conventions come from different measures and tenors.
 */
export function toConvention(value: number, from: SkewConvention, to: SkewConvention): number {
  const converted = value * FEAR_SIGN[from] * FEAR_SIGN[to];
  return converted === 0 ? 0 : converted; // avoid -0 in JSON and labels
}
