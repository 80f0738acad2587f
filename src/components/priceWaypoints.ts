import * as Plot from "./plot/index.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { chartFigure, claimAttribution } from "./chartFigure.js";

export interface PriceWaypointsOptions {
  width: number;
}

const waypointLabel = (claim: CitedClaim) => `${claim.asOf?.slice(5, 10)} ${claim.metric}`;

/** Reported BTC price waypoints (open, close, low, high) as labelled points, in reporting order. */
export function priceWaypoints(claims: readonly CitedClaim[], { width }: PriceWaypointsOptions): HTMLElement {
  const chart = Plot.plot({
    width,
    height: 320,
    marginLeft: 60,
    x: { label: "Reported waypoint (UTC date)", domain: claims.map(waypointLabel) },
    y: { label: "BTC price (USD)", grid: true, tickFormat: "$,.0f" },
    marks: [
      Plot.dot(claims, { x: waypointLabel, y: "value", r: 5, fill: "currentColor" }),
      Plot.text(claims, { x: waypointLabel, y: "value", text: (d: CitedClaim) => `$${d.value?.toLocaleString("en-US")}`, dy: -12 }),
      Plot.tip(
        claims,
        Plot.pointerX({
          x: waypointLabel,
          y: "value",
          channels: { date: "asOf", source: claimAttribution },
          format: { x: false, y: (v: number) => `$${v.toLocaleString("en-US")}` }
        })
      )
    ]
  });
  return chartFigure(chart, claims, { title: "Reported BTC price waypoints, Feb 5–6, 2026", filename: "btc-price-waypoints" });
}
