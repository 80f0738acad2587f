import * as Plot from "@observablehq/plot";
import { formatClaimValue } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { chartFigure, claimTipChannels } from "./chartFigure.js";
import { shortUtcDate } from "./reportedBound.js";

export interface WhalePositionsOptions {
  width: number;
}

const AMOUNT_METRICS: Record<string, string> = {
  whale_margin_deposit: "USDC deposited",
  whale_realized_pnl: "earlier P&L"
};

export interface WhaleAmount {
  whale: string;
  measure: string;
  claim: CitedClaim;
}

const whaleName = (side: string | null) => `${side ?? "unknown"} whale`;

/** The USD amounts of each whale (margin deposited, earlier profit or loss); leverage is read separately. */
export function whaleAmounts(claims: readonly CitedClaim[]): WhaleAmount[] {
  return claims
    .filter((c) => c.metric in AMOUNT_METRICS && c.value !== null)
    .map((claim) => ({ whale: whaleName(claim.side), measure: AMOUNT_METRICS[claim.metric] as string, claim }));
}

export function whaleLeverage(claims: readonly CitedClaim[]): CitedClaim[] {
  return claims.filter((c) => c.metric === "whale_leverage" && c.value !== null);
}

const amountTip = {
  figure: (d: WhaleAmount) => claimTipChannels.figure(d.claim),
  date: (d: WhaleAmount) => claimTipChannels.date(d.claim),
  source: (d: WhaleAmount) => claimTipChannels.source(d.claim)
};

/**
 * Two whales' new BTC futures positions (Onchain Lens via AMBCrypto): margin deposited and the
 * profit or loss each had booked before, in USD millions, with the leverage over each panel.
 * Position size is not drawn: the source does not print it.
 */
export function whalePositions(claims: readonly CitedClaim[], { width }: WhalePositionsOptions): HTMLElement {
  const amounts = whaleAmounts(claims);
  const leverage = whaleLeverage(claims);
  const whales = [...new Set(amounts.map((d) => d.whale))];
  const chart = Plot.plot({
    width,
    height: 90 * whales.length + 60,
    marginLeft: 110,
    marginRight: 50,
    marginTop: 24,
    x: { label: "USD millions (loss negative)", grid: true, ticks: width < 560 ? 2 : 10, tickFormat: (v: number) => `${v < 0 ? "−" : ""}$${Math.abs(v)}M`, insetLeft: 44, insetRight: 44 },
    y: { label: null, domain: Object.values(AMOUNT_METRICS), tickSize: 0 },
    fy: { domain: whales, axis: null, padding: 0.35 },
    color: { domain: ["long whale", "short whale"], range: ["var(--theme-blue)", "var(--theme-red)"] },
    marks: [
      Plot.barX(amounts, {
        x: (d: WhaleAmount) => d.claim.value,
        y: "measure",
        fy: "whale",
        fill: "whale",
        insetTop: 4,
        insetBottom: 4,
        channels: amountTip,
        tip: { format: { x: false, y: false, fy: false, fill: false } }
      }),
      ...(["start", "end"] as const).map((anchor) =>
        Plot.text(
          amounts.filter((d) => ((d.claim.value as number) < 0 ? "end" : "start") === anchor),
          {
            x: (d: WhaleAmount) => d.claim.value,
            y: "measure",
            fy: "whale",
            text: (d: WhaleAmount) => formatClaimValue(d.claim),
            textAnchor: anchor,
            dx: anchor === "start" ? 4 : -4,
            fill: "currentColor"
          }
        )
      ),
      Plot.text(leverage, {
        fy: (c: CitedClaim) => whaleName(c.side),
        frameAnchor: "top-left",
        dy: -16,
        dx: -100,
        text: (c: CitedClaim) => `${whaleName(c.side)}: new ${c.side} at ${formatClaimValue(c)} leverage`,
        fontWeight: "bold",
        fill: "currentColor"
      }),
      Plot.ruleX([0])
    ]
  });
  const figure = chartFigure(chart, [...amounts.map((d) => d.claim), ...leverage], {
    title: `Two whales, opposite bets on BTC futures (${amounts[0]?.claim.asOf ? shortUtcDate(amounts[0].claim.asOf) : "undated"})`,
    filename: "btc-whale-positions"
  });
  figure.dataset.chart = "whale-positions";
  return figure;
}
