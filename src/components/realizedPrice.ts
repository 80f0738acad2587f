import * as Plot from "@observablehq/plot";
import { formatClaimValue } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import type { OnchainDataset, OnchainRow } from "../lib/public/onchain.js";
import { chartPanel } from "./chartPanel.js";
import { chartFigure, claimTipChannels } from "./chartFigure.js";
import { utcNoon } from "./utcDays.js";

export interface RealizedPriceOptions {
  width: number;
  /** The reported absorption cluster (a low–high band), drawn from its date on for reference. */
  cluster: CitedClaim;
}

const usd = (v: number) => `$${Math.round(v).toLocaleString("en-US")}`;

/** Price and realized price (price / MVRV) per UTC day with the reported cluster band; MVRV beneath on the same days. */
export function realizedPrice(dataset: OnchainDataset, { width, cluster }: RealizedPriceOptions): HTMLElement {
  const points = dataset.rows.map((row) => ({ ...row, time: utcNoon(row.date) }));
  const lines = [
    ...points.map((point) => ({ time: point.time, date: point.date, usd: point.price_usd, series: "Price (Coin Metrics)" })),
    ...points.map((point) => ({ time: point.time, date: point.date, usd: point.realized_price_usd, series: "Realized price = price / MVRV" }))
  ];
  const lastTime = points.at(-1)!.time;
  const domain = [points[0]!.time, lastTime];
  // Undated as reported, so a level across the chart rather than a span from a day.
  const band = [{ claim: cluster, from: cluster.asOf === null ? domain[0] : utcNoon(cluster.asOf), to: lastTime, low: cluster.low as number, high: cluster.high as number }];
  const priceChart = Plot.plot({
    width,
    height: 300,
    marginLeft: 64,
    x: { type: "utc", domain, label: null },
    y: { label: "USD", grid: true, tickFormat: usd },
    color: { legend: true, domain: ["Price (Coin Metrics)", "Realized price = price / MVRV", "Absorption cluster (Glassnode, reported)"], range: ["var(--theme-foreground)", "var(--theme-blue)", "var(--theme-foreground-faint)"] },
    marks: [
      Plot.rect(band, {
        x1: "from",
        x2: "to",
        y1: "low",
        y2: "high",
        fill: () => "Absorption cluster (Glassnode, reported)",
        fillOpacity: 0.5,
        className: "absorption-cluster",
        channels: { figure: { label: "figure", value: (d: { claim: CitedClaim }) => formatClaimValue(d.claim) }, source: { label: "source", value: (d: { claim: CitedClaim }) => claimTipChannels.source(d.claim) } },
        tip: { format: { x1: false, x2: false, y1: false, y2: false, fill: false } }
      }),
      Plot.line(lines, { x: "time", y: "usd", stroke: "series", strokeWidth: 1.5, className: "onchain-price" }),
      Plot.tip(lines, Plot.pointerX({ x: "time", y: "usd", stroke: "series", channels: { day: { label: "day", value: "date" } }, format: { x: false, y: (v: number) => usd(v), stroke: true } }))
    ]
  });
  const mvrvChart = Plot.plot({
    width,
    height: 160,
    marginLeft: 64,
    x: { type: "utc", domain, label: null },
    y: { label: "MVRV (market value / realized value)", grid: true, domain: [0, Math.max(...dataset.rows.map((row) => row.mvrv ?? 0))] },
    marks: [
      Plot.ruleY([1], { stroke: "var(--theme-red)", strokeDasharray: "4,3" }),
      Plot.text([1], { y: (v: number) => v, frameAnchor: "left", text: () => "1: price = realized price", dx: 4, dy: -7, fontSize: 10, fill: "var(--theme-red)" }),
      Plot.line(points, { x: "time", y: "mvrv", strokeWidth: 1.5, className: "onchain-mvrv" }),
      Plot.tip(points, Plot.pointerX({ x: "time", y: "mvrv", channels: { day: { label: "day", value: "date" } }, format: { x: false, y: (v: number) => v.toFixed(3) } }))
    ]
  });
  const box = document.createElement("div");
  box.append(chartPanel("Price and realized price", priceChart), chartPanel("MVRV", mvrvChart));
  const figure = chartFigure(box, [cluster], {
    title: "Bitcoin's realized price, the average cost of all coins, under the price and the reported cluster",
    filename: "btc-realized-price",
    public: { dataset: "realized-price", sources: [dataset.source], rows: dataset.rows.map(({ date, price_usd, mvrv, realized_price_usd }: OnchainRow) => ({ date, price_usd, mvrv, realized_price_usd })) }
  });
  figure.dataset.chart = "realized-price";
  return figure;
}
