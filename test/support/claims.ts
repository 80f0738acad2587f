import type { CitedClaim, Source } from "../../src/lib/ledger/types.ts";

export const testSource: Source = {
  id: "outlet-a",
  file: "a.txt",
  outlet: "Outlet A",
  headline: "Headline",
  published: "Feb 6, 2026",
  url: null,
  attributedParties: ["CoinGlass"],
  note: null,
  line: 2
};

/** A cited claim for component tests; fields not given are empty. */
export function testClaim(fields: Partial<CitedClaim> & Pick<CitedClaim, "id">): CitedClaim {
  return {
    topic: "price",
    metric: "close",
    asset: "BTC",
    side: null,
    value: null,
    low: null,
    high: null,
    unit: "usd",
    asOf: null,
    period: null,
    convention: null,
    tenorDays: null,
    sourceId: testSource.id,
    attributedTo: null,
    quote: "",
    note: null,
    expiry: null,
    line: 2,
    source: testSource,
    ...fields
  };
}
