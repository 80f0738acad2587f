import * as Plot from "./plot/index.js";
import { formatClaimValue } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { chartFigure } from "./chartFigure.js";
import { groupSameFigure, sameFigureTipChannels, type SameFigure } from "./sameFigure.js";
import { claimWhen } from "./reportedBound.js";

export interface OpenInterestScopesOptions {
  width: number;
  /** The row label for a report, given its latest level; by default who counted it and where it was published. */
  scopeLabel?: (latest: CitedClaim) => string;
}

export interface OpenInterestMark {
  scope: string;
  group: SameFigure;
  weekEarlier: boolean;
  /** Which way the labels run from the dot, so a week's move keeps both labels apart. */
  anchor: "start" | "middle" | "end";
}

/** The default row label: who counted the open interest, and where it was published. */
export const openInterestScopeLabel = (claim: CitedClaim) => (claim.attributedTo ? `${claim.attributedTo} via ${claim.source.outlet}` : claim.source.outlet);

function oneFigure(claims: readonly CitedClaim[], what: string): SameFigure {
  const groups = groupSameFigure(claims);
  const [group] = groups;
  if (!group || groups.length > 1) throw new Error(`${what} should be one figure, found ${claims.map((c) => c.id).join(", ") || "none"}`);
  return group;
}

/**
 * One mark per reported USD level of open interest, one row per report (source and data party):
 * the latest level, and the level a week earlier where the report prints one. Figures that are
 * not levels of open interest in USD are left out.
 */
export function openInterestMarks(claims: readonly CitedClaim[], scopeLabel: (latest: CitedClaim) => string = openInterestScopeLabel): OpenInterestMark[] {
  const levels = claims.filter((c) => c.metric === "open_interest" && c.unit === "usd_bn" && c.value !== null);
  const reports = new Map<string, CitedClaim[]>();
  for (const claim of levels) {
    const key = `${claim.sourceId}|${claim.attributedTo ?? ""}`;
    reports.set(key, [...(reports.get(key) ?? []), claim]);
  }
  return [...reports.values()].flatMap((report): OpenInterestMark[] => {
    const latest = oneFigure(report.filter((c) => c.period !== "prior-week"), "a report's latest open interest");
    const scope = scopeLabel(latest[0]);
    const priorWeek = report.filter((c) => c.period === "prior-week");
    if (priorWeek.length === 0) return [{ scope, group: latest, weekEarlier: false, anchor: "middle" }];
    const earlier = oneFigure(priorWeek, "a report's week-earlier open interest");
    const fell = (earlier[0].value ?? 0) > (latest[0].value ?? 0);
    return [
      { scope, group: earlier, weekEarlier: true, anchor: fell ? "start" : "end" },
      { scope, group: latest, weekEarlier: false, anchor: fell ? "end" : "start" }
    ];
  });
}

const value = (d: OpenInterestMark) => d.group[0].value;
const when = (d: OpenInterestMark) => (d.weekEarlier ? "wk before" : claimWhen(d.group[0]));

/** Every USD open-interest figure of the sources on one axis, by scope, with the week's move where printed. */
export function openInterestScopes(claims: readonly CitedClaim[], { width, scopeLabel }: OpenInterestScopesOptions): HTMLElement {
  const marks = openInterestMarks(claims, scopeLabel);
  const scopes = [...new Set(marks.map((d) => d.scope))];
  const moves = scopes.flatMap((scope) => {
    const from = marks.find((d) => d.scope === scope && d.weekEarlier);
    const to = marks.find((d) => d.scope === scope && !d.weekEarlier);
    return from && to ? [{ scope, from: value(from), to: value(to) }] : [];
  });
  const max = Math.max(...marks.map((d) => value(d) ?? 0));
  const chart = Plot.plot({
    width,
    height: 40 + scopes.length * (width < 480 ? 92 : 80),
    marginLeft: 12,
    marginRight: 20,
    x: { domain: [0, max * 1.1], grid: true, ticks: width < 480 ? 4 : 8, label: "Open interest (USD bn)" },
    y: { type: "band", domain: scopes, axis: null, paddingInner: 0, paddingOuter: 0 },
    marks: [
      // Labels wrap upward into the row's free space above the dots.
      Plot.text(scopes, { y: (d: string) => d, text: (d: string) => d, frameAnchor: "left", lineAnchor: "bottom", dy: -22, lineWidth: (width - 24) / 10, fontWeight: "bold" }),
      Plot.arrow(moves, { x1: "from", x2: "to", y: "scope", inset: 8, stroke: "var(--theme-foreground-muted)" }),
      Plot.dot(
        marks.filter((d) => !d.weekEarlier),
        { x: value, y: "scope", r: 6, fill: "currentColor" }
      ),
      Plot.dot(
        marks.filter((d) => d.weekEarlier),
        { x: value, y: "scope", r: 6, fill: "none", stroke: "currentColor", strokeWidth: 1.5 }
      ),
      ...(["start", "middle", "end"] as const).flatMap((anchor) => {
        const anchored = marks.filter((d) => d.anchor === anchor);
        const dx = anchor === "start" ? -6 : anchor === "end" ? 6 : 0;
        return [
          Plot.text(anchored, { x: value, y: "scope", text: (d: OpenInterestMark) => formatClaimValue(d.group[0]), dy: -13, dx, textAnchor: anchor }),
          Plot.text(anchored, { x: value, y: "scope", text: when, dy: 15, dx, textAnchor: anchor, fill: "var(--theme-foreground-muted)" })
        ];
      }),
      Plot.tip(
        marks,
        Plot.pointer({
          x: value,
          y: "scope",
          channels: {
            figure: (d: OpenInterestMark) => sameFigureTipChannels.figure(d.group),
            date: (d: OpenInterestMark) => (d.weekEarlier ? `about a week before ${d.group[0].asOf}` : sameFigureTipChannels.date(d.group)),
            source: (d: OpenInterestMark) => sameFigureTipChannels.source(d.group)
          },
          format: { x: false, y: false }
        })
      )
    ]
  });
  const figure = chartFigure(chart, marks.flatMap((d) => d.group), {
    title: "BTC futures open interest in USD, as each report counted it",
    filename: "btc-open-interest-scopes"
  });
  figure.dataset.chart = "open-interest-scopes";
  return figure;
}
