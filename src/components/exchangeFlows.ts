import * as Plot from "./plot/index.js";
import type { OnchainDataset, OnchainRow } from "../lib/public/onchain.js";
import { chartPanel } from "./chartPanel.js";
import { chartFigure } from "./chartFigure.js";
import { utcDayStart, utcNoon } from "./utcDays.js";

export interface ExchangeFlowsOptions {
  width: number;
}

const btc = (v: number) => `${Math.round(v).toLocaleString("en-US")} BTC`;
const DEPOSITS = "Net deposits to exchanges";
const WITHDRAWALS = "Net withdrawals from exchanges";

/** Exchange net flow (inflow − outflow) per UTC day as bars, and the coins held on exchanges beneath. */
export function exchangeFlows(dataset: OnchainDataset, { width }: ExchangeFlowsOptions): HTMLElement {
  const bars = dataset.rows.flatMap((row) =>
    row.exchange_net_flow_btc === null ? [] : [{ date: row.date, start: utcDayStart(row.date), btc: row.exchange_net_flow_btc, side: row.exchange_net_flow_btc >= 0 ? DEPOSITS : WITHDRAWALS }]
  );
  const supply = dataset.rows.map((row) => ({ date: row.date, time: utcNoon(row.date), btc: row.exchange_supply_btc }));
  const domain = [utcDayStart(dataset.rows[0]!.date), utcDayStart(dataset.rows.at(-1)!.date)];
  const flowChart = Plot.plot({
    width,
    height: 240,
    marginLeft: 72,
    x: { type: "utc", domain, label: null },
    y: { label: "BTC per day", grid: true, tickFormat: (v: number) => v.toLocaleString("en-US") },
    color: { legend: true, domain: [DEPOSITS, WITHDRAWALS], range: ["var(--theme-red)", "var(--theme-green)"] },
    marks: [
      Plot.rectY(bars, {
        x: "start",
        interval: "day",
        y: "btc",
        fill: "side",
        className: "exchange-net-flow",
        channels: { day: { label: "day", value: "date" } },
        tip: { format: { x: false, y: btc, fill: false } }
      }),
      Plot.ruleY([0])
    ]
  });
  const supplyChart = Plot.plot({
    width,
    height: 180,
    marginLeft: 72,
    x: { type: "utc", domain, label: null },
    y: { label: "BTC on exchanges", grid: true, tickFormat: (v: number) => `${(v / 1e6).toFixed(2)}M` },
    marks: [
      Plot.line(supply, { x: "time", y: "btc", strokeWidth: 1.5, className: "exchange-supply" }),
      Plot.tip(supply, Plot.pointerX({ x: "time", y: "btc", channels: { day: { label: "day", value: "date" } }, format: { x: false, y: btc } }))
    ]
  });
  const box = document.createElement("div");
  box.append(chartPanel("Net flow: coins sent to exchanges minus coins withdrawn", flowChart), chartPanel("Exchange supply: coins held on exchanges", supplyChart));
  const figure = chartFigure(box, [], {
    title: "Bitcoin moving on and off exchanges, per UTC day",
    filename: "btc-exchange-flows",
    public: {
      dataset: "exchange-flows",
      sources: [dataset.source],
      rows: dataset.rows.map(({ date, exchange_net_flow_btc, exchange_supply_btc }: OnchainRow) => ({ date, exchange_net_flow_btc, exchange_supply_btc }))
    }
  });
  figure.dataset.chart = "exchange-flows";
  return figure;
}
