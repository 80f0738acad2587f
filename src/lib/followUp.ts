// The follow-up: a marsbit summary listed on the page that carries the AMBCrypto article, with no
// date. The signal turns, the price path and the liquidation totals credit its undated levels.
export const FOLLOW_UP = { sourceId: "marsbit-followup", credit: "marsbit's follow-up summary, after the rebound, date not printed" } as const;
