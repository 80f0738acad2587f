import type { CitedClaim, Source } from "../../src/lib/ledger/types.ts";

export const testSource: Source = {
  id: "outlet-a",
  outlet: "Outlet A",
  author: null,
  headline: "Headline",
  published: "Feb 6, 2026",
  url: null,
  attributedParties: ["CoinGlass"],
  note: null,
  copies: [
    { id: "outlet-a", sourceId: "outlet-a", file: "a.txt", outlet: "Outlet A", author: null, published: "Feb 6, 2026", carriedBy: null, start: "Bitcoin", end: "rebounded.", line: 2 }
  ],
  line: 2
};

/** A cited claim for component tests; fields not given are empty. */
export function testClaim(fields: Partial<CitedClaim> & Pick<CitedClaim, "id">): CitedClaim {
  return {
    topic: "price",
    metric: "close",
    asset: "BTC",
    side: null,
    kind: "reading",
    value: null,
    low: null,
    high: null,
    label: null,
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
    copyIds: ["outlet-a"],
    ...fields
  };
}
