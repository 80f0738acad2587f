// Black-76 on the forward, undiscounted (r = 0): Deribit options are margined and
// settled in BTC, so a discount factor would only rescale deltas uniformly and is left out.

/** Standard normal cumulative distribution (Abramowitz & Stegun 26.2.17, |error| < 7.5e-8). */
export function normCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const poly =
    t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  const tail = 0.3989422804014327 * Math.exp(-0.5 * x * x) * poly;
  return x >= 0 ? 1 - tail : tail;
}

/** d1 of Black-76; vol as a decimal (0.55 = 55%), years to expiry > 0. */
export function black76D1(forward: number, strike: number, vol: number, years: number): number {
  const volSqrtT = vol * Math.sqrt(years);
  return (Math.log(forward / strike) + 0.5 * volSqrtT * volSqrtT) / volSqrtT;
}

/** Delta of a call (0..1) or put (-1..0). */
export function black76Delta(
  type: "call" | "put",
  forward: number,
  strike: number,
  vol: number,
  years: number,
): number {
  const callDelta = normCdf(black76D1(forward, strike, vol, years));
  return type === "call" ? callDelta : callDelta - 1;
}
