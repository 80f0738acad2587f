import * as Plot from "@observablehq/plot";
import { claimDate, formatClaimValue, formatInUnit } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import type { MacroRow } from "../lib/snapshot/rows.js";
import { chartFigure, claimAttribution, marketAttribution, type MarketDataset } from "./chartFigure.js";

export interface CrossAssetMovesOptions {
  width: number;
  /** A captured FRED snapshot; without one the chart draws the reported moves alone. */
  macro?: MarketDataset<MacroRow>;
}

/** One % move on the chart: a reported figure (bar) or a change computed from a FRED series (dot). */
export interface Move {
  /** Row of the chart: one window and one asset. */
  row: string;
  asset: string;
  window: string;
  windowOrder: string;
  changePct: number;
  kind: "reported" | "computed";
  figure: string;
  date: string;
  source: string;
}

const assetNames: Record<string, string> = {
  SP500: "S&P 500",
  NASDAQ: "Nasdaq",
  DJIA: "Dow",
  SOX: "SOX",
  GOLD: "Gold",
  SILVER: "Silver",
  DXY: "Dollar (DXY)",
  BTC: "BTC",
  ETH: "ETH",
  SOL: "SOL",
  XRP: "XRP",
  DOGE: "DOGE",
  BNB: "BNB",
  CRYPTO: "All crypto"
};

/** FRED series in the macro snapshot and the chart row each is compared on. */
export const fredSeriesAsset: Record<string, string> = {
  SP500: "SP500",
  NASDAQCOM: "NASDAQ",
  DJIA: "DJIA",
  // The Fed's broad trade-weighted dollar index: not ICE's DXY, so it gets a row of its own.
  DTWEXBGS: "Broad USD",
  CBBTCUSD: "BTC"
};

const monthDay = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

export interface MoveWindow {
  /** In words that carry the date: "Feb 6 · one day". */
  label: string;
  /** Sorts windows chronologically: the UTC day the window is dated by, then its kind. */
  order: string;
}

/** The window a reported move covers. */
export function moveWindow(claim: CitedClaim): MoveWindow {
  // Undated moves form their own group, after the dated windows.
  if (claim.asOf === null) return { label: "Date not printed", order: "~" };
  const utc = new Date(claim.asOf).toISOString();
  const day = claim.asOf.slice(0, 10);
  switch (claim.period) {
    case "intraday":
      return { label: `${monthDay(day)} · intraday`, order: `${day} 0` };
    case "1d":
      return sessionWindow(day);
    case "since-low":
      return { label: `Since the ${monthDay(day)} low`, order: `${day} 2` };
    case "24h":
      return { label: `24 h to ${monthDay(utc)} ${utc.slice(11, 16)} UTC`, order: `${utc.slice(0, 10)} 3` };
    default:
      throw new Error(`claim "${claim.id}": no window for period "${claim.period}"`);
  }
}

/** One trading session (or one UTC day for a daily series), close to close. */
function sessionWindow(day: string): MoveWindow {
  return { label: `${monthDay(day)} · one day`, order: `${day} 1` };
}

export function assetName(asset: string): string {
  return assetNames[asset] ?? asset;
}

export function reportedMoves(claims: readonly CitedClaim[]): Move[] {
  return claims.map((claim) => {
    if (claim.value === null || claim.unit !== "pct" || claim.asset === null) throw new Error(`claim "${claim.id}" is not a % move of an asset`);
    const window = moveWindow(claim);
    const asset = assetName(claim.asset);
    return {
      row: `${window.label}|${asset}`,
      asset,
      window: window.label,
      windowOrder: window.order,
      changePct: claim.value,
      kind: "reported",
      figure: formatClaimValue(claim),
      date: claimDate(claim),
      source: claimAttribution(claim)
    };
  });
}

/** Close-to-close changes on the given UTC days from the FRED series in the macro snapshot. */
export function computedMoves(macro: MarketDataset<MacroRow>, days: readonly string[]): Move[] {
  return macro.rows.flatMap((row) => {
    const asset = fredSeriesAsset[row.series];
    if (!asset || row.change_pct === null || !days.includes(row.date)) return [];
    const name = assetName(asset);
    const window = sessionWindow(row.date);
    return [
      {
        row: `${window.label}|${name}`,
        asset: name,
        window: window.label,
        windowOrder: window.order,
        changePct: row.change_pct,
        kind: "computed" as const,
        figure: `${formatInUnit(Math.round(row.change_pct * 100) / 100, "pct")} (FRED ${row.series}, close to close)`,
        date: row.date,
        source: marketAttribution(macro)
      }
    ];
  });
}

/** Chart rows: grouped by window, windows in time order, rows within a window in the order given (reported first). */
export function moveRows(moves: readonly Move[]): string[] {
  const sorted = [...moves].sort((a, b) => a.windowOrder.localeCompare(b.windowOrder));
  return [...new Set(sorted.map((move) => move.row))];
}

const signed = (value: number) => `${value > 0 ? "+" : ""}${formatInUnit(value, "pct")}`;

/**
 * Reported % moves across assets on one scale, colored by the window each covers, with the
 * FRED close-to-close changes of Feb 5 and Feb 6 as dots when a macro snapshot is passed.
 */
export function crossAssetMoves(claims: readonly CitedClaim[], { width, macro }: CrossAssetMovesOptions): HTMLElement {
  const reported = reportedMoves(claims);
  const reportedDays = [...new Set(claims.filter((claim) => claim.period === "1d" || claim.period === "intraday").map((claim) => (claim.asOf ?? "").slice(0, 10)))];
  const computed = macro && macro.rows.length > 0 ? computedMoves(macro, reportedDays) : [];
  const all = [...reported, ...computed];
  const rows = moveRows(all);
  const windows = [...new Set(rows.map((row) => row.split("|")[0] ?? ""))];
  const reportedRows = new Set(reported.map((move) => move.row));
  const rowLabel = (row: string) => `${row.split("|")[1] ?? row}${reportedRows.has(row) ? "" : " (FRED)"}`;
  const narrow = width < 520;
  const marginLeft = narrow ? 104 : 120;
  const marginRight = 12;
  // Room for a value label (about 48 px) beyond the longest bar on either side.
  const values = all.map((move) => move.changePct);
  const [low, high] = [Math.min(...values, 0), Math.max(...values, 0)];
  const pad = ((high - low) * 48) / Math.max(width - marginLeft - marginRight - 96, 1);
  const tipChannels = {
    move: { label: "move", value: "figure" },
    kind: { label: "kind", value: (move: Move) => (move.kind === "reported" ? "reported" : "computed") },
    window: { label: "window", value: "window" },
    date: { label: "date", value: "date" },
    source: { label: "source", value: "source" }
  };
  const chart = Plot.plot({
    width,
    height: 70 + 20 * rows.length,
    marginLeft,
    marginRight,
    x: {
      label: "Change (%) →",
      grid: true,
      domain: [low - (low < 0 ? pad : 0), high + pad],
      tickFormat: (v: number) => `${v}%`,
      ticks: narrow ? 5 : 10
    },
    y: { label: null, domain: rows, tickFormat: rowLabel, tickSize: 0 },
    color: { legend: true, domain: windows, label: "Window" },
    marks: [
      Plot.barX(reported, {
        x: "changePct",
        y: "row",
        fill: "window",
        className: "reported-move",
        ariaLabel: (move: Move) => `${move.asset}, ${move.window}: ${move.figure}`
      }),
      Plot.text(reported.filter((move) => move.changePct >= 0), { x: "changePct", y: "row", text: (m: Move) => signed(m.changePct), dx: 4, textAnchor: "start", fontSize: 10 }),
      Plot.text(reported.filter((move) => move.changePct < 0), { x: "changePct", y: "row", text: (m: Move) => signed(m.changePct), dx: -4, textAnchor: "end", fontSize: 10 }),
      Plot.dot(computed, {
        x: "changePct",
        y: "row",
        r: 4.5,
        fill: "window",
        stroke: "currentColor",
        strokeWidth: 1.5,
        className: "computed-move",
        ariaLabel: (move: Move) => `${move.asset}, ${move.window}: ${move.figure}`
      }),
      Plot.ruleX([0]),
      Plot.tip(all, Plot.pointerY({ x: "changePct", y: "row", channels: tipChannels, format: { x: false, y: false, fill: false, stroke: false } }))
    ]
  });
  const figure = chartFigure(chart, claims, { title: "Feb 5 and Feb 6: cross-asset moves beside the crypto rebound", filename: "cross-asset-moves", ...(macro ? { market: macro } : {}) });
  figure.dataset.chart = "cross-asset-moves";
  return figure;
}
