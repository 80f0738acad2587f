// Licence attributions that must appear wherever a dataset's values are shown (browser-safe).

/** Coin Metrics' CC BY-NC 4.0 licence asks for attribution wherever its data are shown. */
export const COIN_METRICS_ATTRIBUTION = "Source: Coin Metrics community data (CC BY-NC 4.0).";

/** The attributions a caption owes for the upstreams it names. */
export function requiredAttributions(upstreams: readonly string[]): string[] {
  return upstreams.some((upstream) => upstream.includes("Coin Metrics")) ? [COIN_METRICS_ATTRIBUTION] : [];
}
