import * as Plot from "./plot/index.js";
import type { OnchainDataset, OnchainRow } from "../lib/public/onchain.js";
import { chartPanel } from "./chartPanel.js";
import { chartFigure } from "./chartFigure.js";
import { utcNoon } from "./utcDays.js";

export interface RealizedPriceOptions {
  width: number;
}

const usd = (v: number) => `$${Math.round(v).toLocaleString("en-US")}`;

/** Price and realized price (price / MVRV) per UTC day; MVRV, a ratio, beneath on a log scale over the same days. */
export function realizedPrice(dataset: OnchainDataset, { width }: RealizedPriceOptions): HTMLElement {
  const points = dataset.rows.map((row) => ({ ...row, time: utcNoon(row.date) }));
  const lines = [
    ...points.map((point) => ({ time: point.time, date: point.date, usd: point.price_usd, series: "Price (Coin Metrics)" })),
    ...points.map((point) => ({ time: point.time, date: point.date, usd: point.realized_price_usd, series: "Realized price = price / MVRV" }))
  ];
  const lastTime = points.at(-1)!.time;
  const domain = [points[0]!.time, lastTime];
  const priceChart = Plot.plot({
    width,
    height: 300,
    marginLeft: 64,
    x: { type: "utc", domain, label: null },
    y: { label: "USD", grid: true, tickFormat: usd },
    color: { legend: true, domain: ["Price (Coin Metrics)", "Realized price = price / MVRV"], range: ["var(--theme-foreground)", "var(--theme-blue)"] },
    marks: [
      Plot.line(lines, { x: "time", y: "usd", stroke: "series", strokeWidth: 1.5, className: "onchain-price" }),
      Plot.tip(lines, Plot.pointerX({ x: "time", y: "usd", stroke: "series", channels: { day: { label: "day", value: "date" } }, format: { x: false, y: (v: number) => usd(v), stroke: true } }))
    ]
  });
  const mvrvs = dataset.rows.flatMap((row) => (row.mvrv === null ? [] : [row.mvrv]));
  // Keep 1 (price = realized price) in view, the line the ratio is read against.
  const mvrvDomain = [Math.min(1, ...mvrvs) * 0.95, Math.max(1, ...mvrvs) * 1.05];
  const mvrvChart = Plot.plot({
    width,
    height: 160,
    marginLeft: 64,
    x: { type: "utc", domain, label: null },
    y: { type: "log", label: "MVRV (market value / realized value, log scale)", grid: true, domain: mvrvDomain, ticks: [1, 1.2, 1.5, 2, 2.5, 3].filter((v) => v >= mvrvDomain[0]! && v <= mvrvDomain[1]!), tickFormat: (v: number) => v.toFixed(1) },
    marks: [
      Plot.ruleY([1], { stroke: "var(--theme-red)", strokeDasharray: "4,3" }),
      Plot.text([1], { y: (v: number) => v, frameAnchor: "left", text: () => "1: price = realized price", dx: 4, dy: -7, fontSize: 10, fill: "var(--theme-red)" }),
      Plot.line(points, { x: "time", y: "mvrv", strokeWidth: 1.5, className: "onchain-mvrv" }),
      Plot.tip(points, Plot.pointerX({ x: "time", y: "mvrv", channels: { day: { label: "day", value: "date" } }, format: { x: false, y: (v: number) => v.toFixed(3) } }))
    ]
  });
  const box = document.createElement("div");
  box.append(chartPanel("Price and realized price", priceChart), chartPanel("MVRV", mvrvChart));
  const figure = chartFigure(box, [], {
    title: "Bitcoin's realized price, the average cost of all coins, under the price",
    filename: "btc-realized-price",
    public: { dataset: "realized-price", sources: [dataset.source], rows: dataset.rows.map(({ date, price_usd, mvrv, realized_price_usd }: OnchainRow) => ({ date, price_usd, mvrv, realized_price_usd })) }
  });
  figure.dataset.chart = "realized-price";
  return figure;
}
