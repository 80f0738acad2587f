import { claimById, claimDate, formatInUnit } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { requiredAttributions } from "../lib/public/attribution.js";
import {
  computedBeside,
  ledgerReading,
  operatorPhrase,
  scorecardStatus,
  STATUSES,
  tallyStatuses,
  thresholdsFor,
  whatIfDomain,
  whatIfStart,
  type BucketReading,
  type Reading,
  type ScorecardBucket,
  type ScorecardStatus,
  type ScorecardThreshold
} from "../lib/scorecard.js";
import { claimAttribution, claimHref, marketAttribution, type MarketDataset } from "./chartFigure.js";
import { citedFigure, withFigures } from "./citedFigure.js";
import { element } from "./element.js";

export interface ScorecardCardOptions {
  bucket: ScorecardBucket;
  /** All thresholds; each reading is scored by those of its bucket and convention. */
  thresholds: readonly ScorecardThreshold[];
  /** The whole ledger: readings, context figures and threshold sources are looked up in it. */
  claims: readonly CitedClaim[];
  /** The bucket's captured market dataset; its value over the reading's span stands beside the reading. */
  market?: MarketDataset<object>;
}

/** A card whose `value` is its current status; it fires "input" when the what-if control moves it. */
export type ScorecardCardElement = HTMLElement & { value: ScorecardStatus };

export const STATUS_LABELS: Record<ScorecardStatus, string> = {
  bearish: "Bearish",
  neutral: "Neutral",
  bullish: "Bullish",
  indeterminate: "Indeterminate: the bound straddles a threshold",
  "no threshold": "No threshold in the sources",
  "no reading": "No reading"
};

/** "reported", or what kind of figure it is when not a plain reading: the period's low, a forecast. */
export function reportedTag(claim: Pick<CitedClaim, "kind">): string {
  return claim.kind === "low" ? "reported low" : claim.kind === "high" ? "reported high" : claim.kind === "scenario" ? "reported forecast" : "reported";
}

const roundForDisplay = (x: number) => Number(x.toFixed(Math.abs(x) < 0.1 ? 4 : Math.abs(x) < 10 ? 2 : 1));

function readingText(reading: Reading, unit: string): string {
  const { value, low, high } = reading;
  if (value !== null) return formatInUnit(roundForDisplay(value), unit);
  if (low !== null && high !== null) return `${formatInUnit(low, unit)} to ${formatInUnit(high, unit)}`;
  return low !== null ? `> ${formatInUnit(low, unit)}` : `< ${formatInUnit(high ?? 0, unit)}`;
}

function statusBadge(status: ScorecardStatus): HTMLElement {
  const badge = element("span", "scorecard-status", STATUS_LABELS[status]);
  badge.dataset.status = status;
  return badge;
}

/**
 * The table's reading, where it comes from, and whether it is reported or computed. The status
 * scores the reported reading, as the table did; the market's value over the span the source
 * gives, where a series holds it, stands beside it. Without a reported figure the computed value
 * is scored.
 */
function readingBlock(bucket: ScorecardBucket, spec: BucketReading, claims: readonly CitedClaim[], market?: MarketDataset<object>): { block: HTMLElement; reading: Reading | null } {
  const block = element("div", "scorecard-reading");
  const { reading, claims: used } = ledgerReading(spec, claims);
  const beside = market && market.rows.length > 0 ? computedBeside(bucket, spec.source.kind === "claim" ? (used[0] ?? null) : null, market.rows) : null;
  const attributions = market ? requiredAttributions((market.meta?.sources ?? []).map((use) => use.source)).map((text) => ` ${text}`) : [];
  const computedLine =
    beside && "reading" in beside
      ? element("p", "scorecard-computed", `Computed, ${beside.description}: `, element("strong", "", readingText(beside.reading, spec.unit)), ` from ${marketAttribution(market!)}.`, ...attributions)
      : beside
        ? element("p", "scorecard-computed", beside.skipped)
        : null;
  if (!reading && beside && "reading" in beside) {
    block.append(element("div", "big", readingText(beside.reading, spec.unit), " ", element("span", "scorecard-kind", "computed")), computedLine!);
    return { block, reading: beside.reading };
  }
  if (!reading) {
    block.append(element("div", "big", "No reading"), element("p", "scorecard-source", "The ledger has no figure for this signal."));
    return { block, reading: null };
  }
  const [first, second] = used;
  if (spec.source.kind === "change" && first && second) {
    block.append(
      element("div", "big", readingText(reading, spec.unit), " ", element("span", "scorecard-kind", "reported, change computed")),
      element("p", "scorecard-source", "From ", citedFigure(first), " a week earlier to ", citedFigure(second), `: ${claimAttribution(second)}, ${claimDate(second)}.`)
    );
  } else {
    block.append(
      element("div", "big", citedFigure(first!, readingText(reading, spec.unit)), " ", element("span", "scorecard-kind", reportedTag(first!))),
      element("p", "scorecard-source", `${claimAttribution(first!)}, ${claimDate(first!)}. `, element("q", "", first!.quote))
    );
  }
  if (computedLine) block.append(computedLine);
  return { block, reading };
}

/**
 * A reading from another story, scored against that story's own lines in its own convention,
 * beside the table's. Where the two are skew readings quoted the opposite way, it says so and
 * links to the one place the conventions are explained.
 */
function secondReadingBlock(bucket: ScorecardBucket, spec: BucketReading, tableSpec: BucketReading, thresholds: readonly ScorecardThreshold[], claims: readonly CitedClaim[]): HTMLElement | null {
  const { reading, claims: used } = ledgerReading(spec, claims);
  const claim = used[0];
  if (!reading || !claim) return null;
  const own = thresholdsFor(bucket.id, spec, thresholds);
  const block = element(
    "div",
    "scorecard-second",
    element("p", "scorecard-metric", "Also scored, against its own story's lines: ", spec.label),
    element("div", "scorecard-second-figure", citedFigure(claim, readingText(reading, spec.unit)), " ", element("span", "scorecard-kind", reportedTag(claim)), " ", statusBadge(scorecardStatus(reading, own))),
    element("p", "scorecard-source", `${claimAttribution(claim)}, ${claimDate(claim)}. `, element("q", "", claim.quote))
  );
  if (spec.convention && tableSpec.convention && spec.convention !== tableSpec.convention) {
    const link = Object.assign(document.createElement("a"), { href: "./derivatives#skew-sign-conventions", textContent: "skew sign conventions" });
    block.append(
      element(
        "p",
        "scorecard-source",
        "Both readings say puts cost more than calls: the same kind of measure quoted with opposite signs, so fear is negative in the risk reversal and positive here. Their tenors and days differ, so their sizes are not compared (see ",
        link,
        ")."
      )
    );
  }
  block.append(element("details", "", element("summary", "", "How its status is set"), rulesBlock(own, spec, claims)));
  block.dataset.convention = spec.convention ?? "";
  return block;
}

function contextBlock(bucket: ScorecardBucket, claims: readonly CitedClaim[]): HTMLElement | null {
  if (bucket.context.length === 0) return null;
  const list = element("ul", "scorecard-context");
  for (const { claimId, label } of bucket.context) {
    const claim = claimById(claims, claimId);
    list.append(element("li", "", `${label}: `, citedFigure(claim), ` (${claimAttribution(claim)}, ${claimDate(claim)})`));
  }
  return list;
}

/** The lines a reading is scored against, each with the source's words; or why there are none. */
function rulesBlock(thresholds: readonly ScorecardThreshold[], spec: BucketReading, claims: readonly CitedClaim[]): HTMLElement {
  const list = element("ul", "scorecard-rules");
  if (thresholds.length === 0) {
    list.append(element("li", "", "The sources give no number for this signal other than the reading itself, so no line is drawn and no verdict is given."));
    return list;
  }
  for (const t of thresholds) {
    const item = element("li", "", element("strong", "", STATUS_LABELS[t.status]), ` ${operatorPhrase(t.operator)} ${formatInUnit(t.value, spec.unit)}: “${t.quote}”`);
    if (t.claimId) {
      const link = document.createElement("a");
      link.href = claimHref(t.claimId);
      link.textContent = claimAttribution(claimById(claims, t.claimId));
      item.append(" (", link, ")");
    } else {
      item.append(" (a sign the source states in words)");
    }
    item.append(".");
    list.append(item);
  }
  list.append(element("li", "", element("strong", "", "Neutral"), " otherwise."));
  return list;
}

/** The what-if control: a slider and a number that re-score a hypothetical reading. */
function whatIfControl(spec: BucketReading, reading: Reading | null, thresholds: readonly ScorecardThreshold[], onChange: (value: number | null) => void) {
  const { min, max, step } = whatIfDomain(reading, thresholds);
  const range = Object.assign(document.createElement("input"), { type: "range", min: String(min), max: String(max), step: String(step) });
  const number = Object.assign(document.createElement("input"), { type: "number", min: String(min), max: String(max), step: "any" });
  range.setAttribute("aria-label", `What-if ${spec.label}`);
  number.setAttribute("aria-label", `What-if ${spec.label}, exact value`);
  const reset = Object.assign(document.createElement("button"), { type: "button", textContent: "Back to the reading" });
  const set = (value: number | null) => {
    const start = value ?? whatIfStart(reading);
    range.value = String(start);
    number.value = String(roundForDisplay(start));
    reset.disabled = value === null;
    onChange(value);
  };
  range.addEventListener("input", (event) => {
    event.stopPropagation();
    set(Number(range.value));
  });
  number.addEventListener("input", (event) => {
    event.stopPropagation();
    if (number.value.trim() === "" || !Number.isFinite(number.valueAsNumber)) return;
    range.value = number.value;
    set(number.valueAsNumber);
  });
  reset.addEventListener("click", () => set(null));
  range.value = String(whatIfStart(reading));
  number.value = String(roundForDisplay(whatIfStart(reading)));
  reset.disabled = true;
  return element(
    "div",
    "scorecard-whatif",
    element("label", "", `What if the reading were… (${spec.unit.replaceAll("_", " ")})`),
    element("div", "scorecard-whatif-controls", range, number, reset)
  );
}

/** One signal bucket: its reading and source, the conditions, the status and, where there are lines, a what-if control. */
export function scorecardCard({ bucket, thresholds, claims, market }: ScorecardCardOptions): ScorecardCardElement {
  const card = element("section", "card scorecard-card") as unknown as ScorecardCardElement;
  card.dataset.bucket = bucket.id;
  const [tableSpec, ...otherSpecs] = bucket.readings;
  const own = thresholdsFor(bucket.id, tableSpec!, thresholds);
  const { block, reading } = readingBlock(bucket, tableSpec!, claims, market);
  const readingStatus = scorecardStatus(reading, own);
  const statusSlot = element("div", "scorecard-status-line");

  const show = (whatIf: number | null) => {
    const status = whatIf === null ? readingStatus : scorecardStatus({ value: whatIf, low: null, high: null }, own);
    card.value = status;
    card.dataset.status = status;
    statusSlot.replaceChildren(whatIf === null ? "Status from the reading: " : `What-if ${formatInUnit(whatIf, tableSpec!.unit)}: `, statusBadge(status));
  };
  show(null);

  const conditions = element(
    "dl",
    "scorecard-conditions",
    element("dt", "", "Bullish confirmation"),
    element("dd", "", ...withFigures(bucket.bullish, claims)),
    element("dt", "", "Bearish continuation"),
    element("dd", "", ...withFigures(bucket.bearish, claims))
  );
  const whatIf =
    own.length > 0
      ? whatIfControl(tableSpec!, reading, own, (value) => {
          show(value);
          card.dispatchEvent(new Event("input", { bubbles: true }));
        })
      : null;
  card.append(
    element("h2", "", bucket.title),
    element("p", "scorecard-metric", tableSpec!.label),
    block,
    statusSlot,
    element("details", "", element("summary", "", "How the status is set"), rulesBlock(own, tableSpec!, claims), element("p", "scorecard-source", `Table source: ${bucket.tableSource}.`)),
    ...otherSpecs.map((spec) => secondReadingBlock(bucket, spec, tableSpec!, thresholds, claims)).filter((x): x is HTMLElement => x !== null),
    ...[contextBlock(bucket, claims)].filter((x): x is HTMLElement => x !== null),
    conditions,
    ...(whatIf ? [whatIf] : [])
  );
  return card;
}

/** The overall tally of the cards' statuses; it updates whenever a card's what-if moves. */
export function scorecardTally(cards: readonly ScorecardCardElement[]): HTMLElement {
  const tally = element("div", "scorecard-tally");
  const always: readonly ScorecardStatus[] = ["bearish", "neutral", "bullish"];
  const render = () => {
    const counts = tallyStatuses(cards.map((card) => card.value));
    tally.replaceChildren(
      ...STATUSES.filter((status) => counts[status] > 0 || always.includes(status)).map((status) => {
        const item = element("span", "scorecard-tally-item", element("strong", "", String(counts[status])), ` ${status === "no threshold" ? "no threshold in the sources" : status}`);
        item.dataset.status = status;
        return item;
      })
    );
    tally.dataset.summary = STATUSES.map((status) => `${status}:${counts[status]}`).join(",");
  };
  for (const card of cards) card.addEventListener("input", render);
  render();
  return tally;
}
