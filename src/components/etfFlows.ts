import * as Plot from "./plot/index.js";
import { formatClaimValue, formatInUnit } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { chartFigure, claimTipChannels } from "./chartFigure.js";
import { shortUtcDate } from "./reportedBound.js";

export interface EtfFlowsOptions {
  width: number;
}

export interface EtfFlowClaims {
  /** One net flow per trading day, oldest first. */
  daily: CitedClaim[];
  /** Net flow since the start of the month, as of a day, oldest first. */
  monthToDate: CitedClaim[];
}

/** US spot BTC ETF net flows from the ledger, split by the window each figure covers. */
export function etfFlowClaims(claims: readonly CitedClaim[]): EtfFlowClaims {
  const flows = claims.filter((c) => c.metric === "etf_net_flow" && c.asset === "BTC" && c.value !== null);
  const byDate = (a: CitedClaim, b: CitedClaim) => (a.asOf ?? "").localeCompare(b.asOf ?? "");
  return {
    daily: flows.filter((c) => c.period === "1d" && c.kind === "reading").sort(byDate),
    monthToDate: flows.filter((c) => c.period === "month-to-date" && c.kind === "reading").sort(byDate)
  };
}

export type EtfFlowStepKind = "reported, one day" | "computed: month to date minus the days reported" | "reported, month to date";

/** One bar of the month's arithmetic: a step from `from` to `to` (USD millions), or the month's total from zero. */
export interface EtfFlowStep {
  label: string;
  kind: EtfFlowStepKind;
  from: number;
  to: number;
  /** The ledger figure behind the bar; null for the computed step. */
  claim: CitedClaim | null;
}

const DAY_MS = 86_400_000;
const isWeekday = (ms: number) => ![0, 6].includes(new Date(ms).getUTCDay());

/** "Feb 2–3": the weekdays from the first of the month to the day before `firstReported`. */
export function daysBefore(firstReported: string): string {
  const end = Date.parse(`${firstReported.slice(0, 10)}T00:00:00Z`);
  const days: number[] = [];
  for (let ms = Date.parse(`${firstReported.slice(0, 7)}-01T00:00:00Z`); ms < end; ms += DAY_MS) if (isWeekday(ms)) days.push(ms);
  if (days.length === 0) throw new Error(`no trading day in the month before ${firstReported}`);
  const label = (ms: number) => shortUtcDate(new Date(ms).toISOString().slice(0, 10));
  const first = days[0] as number;
  const last = days.at(-1) as number;
  return first === last ? label(first) : `${label(first)}–${new Date(last).getUTCDate()}`;
}

/**
 * The month's arithmetic as steps: what the month-to-date total leaves for the days before the
 * first daily figure (computed), each reported day, then the month-to-date total itself. It
 * assumes the total counts the same funds as the daily figures; the caller says so. Without both
 * a total and a daily figure there is no arithmetic: each figure is its own bar from zero.
 */
export function etfFlowSteps({ daily, monthToDate }: EtfFlowClaims): EtfFlowStep[] {
  const total = monthToDate.at(-1);
  const counted = daily.filter((c) => total && (c.asOf ?? "") <= (total.asOf ?? "") && (c.asOf ?? "").slice(0, 7) === (total.asOf ?? "").slice(0, 7));
  const totalStep = (claim: CitedClaim): EtfFlowStep => ({ label: `Month to ${shortUtcDate(claim.asOf ?? "")}`, kind: "reported, month to date", from: 0, to: claim.value as number, claim });
  const first = counted[0];
  if (!total || !first) {
    if (daily.length === 0 && !total) throw new Error("ETF flows: no daily or month-to-date figure to draw");
    return [
      ...daily.map((claim): EtfFlowStep => ({ label: shortUtcDate(claim.asOf ?? ""), kind: "reported, one day", from: 0, to: claim.value as number, claim })),
      ...(total ? [totalStep(total)] : [])
    ];
  }
  const before = (total.value as number) - counted.reduce((sum, c) => sum + (c.value as number), 0);
  const steps: EtfFlowStep[] = [{ label: daysBefore(first.asOf ?? ""), kind: "computed: month to date minus the days reported", from: 0, to: before, claim: null }];
  let level = before;
  for (const claim of counted) {
    steps.push({ label: shortUtcDate(claim.asOf ?? ""), kind: "reported, one day", from: level, to: level + (claim.value as number), claim });
    level += claim.value as number;
  }
  steps.push(totalStep(total));
  return steps;
}

const stepValue = (step: EtfFlowStep) => Math.round((step.to - step.from) * 10) / 10;
const stepText = (step: EtfFlowStep) => (step.claim ? formatClaimValue(step.claim) : `${stepValue(step) > 0 ? "+" : ""}${formatInUnit(stepValue(step), "usd_mn")}\ncomputed`);
/** Who counted a step: the data party, "provider not named", or "computed". */
const stepCounter = (step: EtfFlowStep | undefined) => (!step ? "" : !step.claim ? "computed" : (step.claim.attributedTo ?? "provider not named"));
const usdMn = (v: number) => `${v < 0 ? "−" : ""}$${Math.abs(v)}M`;

/**
 * US spot Bitcoin ETF net flows given as ledger rows, drawn as the month's arithmetic: a
 * waterfall from the computed days before the first daily figure through each reported day to
 * the reported month-to-date total.
 */
export function etfFlows(claims: readonly CitedClaim[], { width }: EtfFlowsOptions): HTMLElement {
  const steps = etfFlowSteps(etfFlowClaims(claims));
  const levels = steps.flatMap((step) => [step.from, step.to]);
  const narrow = width < 560;
  // Dotted links join each step to the next where one starts at the level the other ended.
  const connectors = steps.slice(0, -1).flatMap((step, i) => {
    const next = steps[i + 1] as EtfFlowStep;
    const meets = (level: number) => Math.abs(level - step.to) < 1e-6;
    return meets(next.from) || meets(next.to) ? [{ y: step.to, x1: step.label, x2: next.label }] : [];
  });
  const chart = Plot.plot({
    width,
    height: 340,
    marginLeft: 64,
    marginBottom: 44,
    x: { label: null, domain: steps.map((step) => step.label), padding: 0.3, tickSize: 0, tickFormat: (label: string) => (narrow ? label.replace("Month to ", "Month to\n") : `${label}\n${stepCounter(steps.find((step) => step.label === label))}`) },
    y: { label: "Net flow (USD millions)", domain: [Math.min(0, ...levels) * 1.15, Math.max(0, ...levels) * 1.3], grid: true, tickFormat: usdMn },
    color: {
      legend: true,
      domain: ["reported, one day", "computed: month to date minus the days reported", "reported, month to date"],
      range: ["var(--theme-red)", "var(--theme-green)", "var(--theme-foreground-muted)"]
    },
    marks: [
      Plot.ruleY([0]),
      Plot.link(connectors, { x1: "x1", x2: "x2", y1: "y", y2: "y", stroke: "var(--theme-foreground-faint)", strokeDasharray: "2,2" }),
      ...[steps.filter((step) => step.claim), steps.filter((step) => !step.claim)].map((group) =>
        Plot.barY(group, {
          x: "label",
          y1: "from",
          y2: "to",
          fill: (step: EtfFlowStep) => (step.claim ? step.kind : "none"),
          stroke: "kind",
          strokeWidth: 1.5,
          strokeDasharray: group[0]?.claim ? undefined : "4,3",
          className: group[0]?.claim ? "etf-flow-reported" : "etf-flow-computed",
          channels: {
            figure: { label: "figure", value: stepText },
            date: { label: "date", value: (step: EtfFlowStep) => (step.claim ? claimTipChannels.date(step.claim) : step.label) },
            source: { label: "source", value: (step: EtfFlowStep) => (step.claim ? claimTipChannels.source(step.claim) : "computed from the figures beside it") }
          },
          tip: { format: { x: false, y1: false, y2: false, fill: false, stroke: false } }
        })
      ),
      // Each value sits at the end its bar moves to: above a rise, below a fall.
      ...[true, false].map((rises) =>
        Plot.text(
          steps.filter((step) => step.to >= step.from === rises),
          { x: "label", y: "to", text: stepText, dy: rises ? -6 : 6, lineAnchor: rises ? "bottom" : "top", fill: "currentColor", fontSize: narrow ? 10 : 11 }
        )
      )
    ]
  });
  const drawn = steps.flatMap((step) => (step.claim ? [step.claim] : []));
  const figure = chartFigure(chart, drawn, { title: "US spot Bitcoin ETF net flows in February: the month-to-date total, day by day", filename: "btc-etf-net-flows" });
  figure.dataset.chart = "etf-flows";
  return figure;
}
