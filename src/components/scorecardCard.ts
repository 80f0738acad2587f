import { claimById, claimDate, formatInUnit } from "../lib/claims.js";
import { requiredAttributions } from "../lib/public/attribution.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import {
  ledgerReading,
  marketReading,
  operatorPhrase,
  SCORECARD_AS_OF,
  scorecardStatus,
  STATUSES,
  tallyStatuses,
  whatIfDomain,
  whatIfStart,
  type Reading,
  type ScorecardBucket,
  type ScorecardStatus,
  type ScorecardThreshold
} from "../lib/scorecard.js";
import { claimAttribution, claimHref, marketAttribution, type MarketDataset } from "./chartFigure.js";
import { citedFigure } from "./citedFigure.js";

export interface ScorecardCardOptions {
  bucket: ScorecardBucket;
  /** This bucket's thresholds (thresholdsFor). */
  thresholds: readonly ScorecardThreshold[];
  /** The whole ledger: the reading, context figures and threshold sources are looked up in it. */
  claims: readonly CitedClaim[];
  /** The bucket's captured market dataset; its latest row replaces the reported reading. */
  market?: MarketDataset<object>;
}

/** A card whose `value` is its current status; it fires "input" when the what-if control moves it. */
export type ScorecardCardElement = HTMLElement & { value: ScorecardStatus };

const statusLabel: Record<ScorecardStatus, string> = {
  bearish: "Bearish",
  neutral: "Neutral",
  bullish: "Bullish",
  indeterminate: "Indeterminate: the bound straddles a threshold",
  "no reading": "No reading"
};

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  node.append(...children);
  return node;
}

/** Prose with `{claim-id}` placeholders replaced by the ledger figure, linked to its source. */
export function withFigures(text: string, claims: readonly CitedClaim[]): (Node | string)[] {
  return text.split(/\{([a-z0-9-]+)\}/).map((part, i) => (i % 2 === 1 ? citedFigure(claimById(claims, part)) : part));
}

const roundForDisplay = (x: number) => Number(x.toFixed(Math.abs(x) < 10 ? 2 : 1));

function readingText(reading: Reading, unit: string): string {
  const { value, low, high } = reading;
  if (value !== null) return formatInUnit(roundForDisplay(value), unit);
  if (low !== null && high !== null) return `${formatInUnit(low, unit)} to ${formatInUnit(high, unit)}`;
  return low !== null ? `> ${formatInUnit(low, unit)}` : `< ${formatInUnit(high ?? 0, unit)}`;
}

function statusBadge(status: ScorecardStatus): HTMLElement {
  const badge = element("span", "scorecard-status", statusLabel[status]);
  badge.dataset.status = status;
  return badge;
}

/**
 * The reading, where it comes from, and whether it is reported or computed. The status scores
 * the reported reading, as the table did; the market's value for the same day, where a series
 * holds it, stands beside it. Without a reported figure the computed value is scored.
 */
function readingBlock(bucket: ScorecardBucket, claims: readonly CitedClaim[], market?: MarketDataset<object>): { block: HTMLElement; reading: Reading | null } {
  const block = element("div", "scorecard-reading");
  const computed = market && market.rows.length > 0 ? marketReading(bucket, market.rows, SCORECARD_AS_OF) : null;
  const computedLine = computed
    ? element("p", "scorecard-computed", `Computed for ${computed.asOf.slice(0, 10)}: `, element("strong", "", readingText(computed.reading, bucket.unit)), ` from ${marketAttribution(market!)}.`, ...requiredAttributions((market!.meta?.sources ?? []).map((use) => use.source)).map((text) => ` ${text}`))
    : null;
  const { reading, claims: used } = ledgerReading(bucket, claims);
  if (!reading && computed) {
    block.append(element("div", "big", readingText(computed.reading, bucket.unit), " ", element("span", "scorecard-kind", "computed")), computedLine!);
    return { block, reading: computed.reading };
  }
  if (!reading) {
    block.append(element("div", "big", "No reading"), element("p", "scorecard-source", "The ledger has no figure for this bucket."));
    return { block, reading: null };
  }
  const [first, second] = used;
  const figure =
    bucket.reading.kind === "change" && first && second
      ? element("div", "big", readingText(reading, bucket.unit), " ", element("span", "scorecard-kind", "reported, change computed"))
      : element("div", "big", citedFigure(first!, readingText(reading, bucket.unit)), " ", element("span", "scorecard-kind", "reported"));
  const source =
    bucket.reading.kind === "change" && first && second
      ? element("p", "scorecard-source", "From ", citedFigure(first), " a week earlier to ", citedFigure(second), `: ${claimAttribution(second)}, ${claimDate(second)}.`)
      : element("p", "scorecard-source", `${claimAttribution(first!)}, ${claimDate(first!)}. `, element("q", "", first!.quote));
  block.append(figure, source);
  if (computedLine) block.append(computedLine);
  return { block, reading };
}

function contextBlock(bucket: ScorecardBucket, claims: readonly CitedClaim[]): HTMLElement | null {
  if (bucket.contextClaimIds.length === 0) return null;
  const list = element("ul", "scorecard-context");
  for (const id of bucket.contextClaimIds) {
    const claim = claimById(claims, id);
    list.append(element("li", "", `${claim.metric.replaceAll("_", " ")} (${claimDate(claim)}): `, citedFigure(claim), ` · ${claimAttribution(claim)}`));
  }
  return list;
}

function rulesBlock(thresholds: readonly ScorecardThreshold[], unit: string, claims: readonly CitedClaim[]): HTMLElement {
  const list = element("ul", "scorecard-rules");
  for (const t of thresholds) {
    const item = element("li", "", element("strong", "", statusLabel[t.status]), ` when the reading is ${operatorPhrase(t.operator)} ${formatInUnit(t.value, unit)}`);
    if (t.claimId) {
      const link = document.createElement("a");
      link.href = claimHref(t.claimId);
      link.textContent = claimAttribution(claimById(claims, t.claimId));
      item.append(" (", link, ")");
    }
    item.append(`. ${t.note}`);
    list.append(item);
  }
  list.append(element("li", "", element("strong", "", "Neutral"), " otherwise."));
  return list;
}

/** One signal bucket: its reading and source, the conditions, the status and a what-if control. */
export function scorecardCard({ bucket, thresholds, claims, market }: ScorecardCardOptions): ScorecardCardElement {
  const card = element("section", "card scorecard-card") as unknown as ScorecardCardElement;
  card.dataset.bucket = bucket.id;
  const { block, reading } = readingBlock(bucket, claims, market);
  const readingStatus = scorecardStatus(reading, thresholds);
  const statusSlot = element("div", "scorecard-status-line");

  const { min, max, step } = whatIfDomain(reading, thresholds);
  const range = Object.assign(document.createElement("input"), { type: "range", min: String(min), max: String(max), step: String(step) });
  const number = Object.assign(document.createElement("input"), { type: "number", min: String(min), max: String(max), step: "any" });
  range.setAttribute("aria-label", `What-if ${bucket.metric}`);
  number.setAttribute("aria-label", `What-if ${bucket.metric}, exact value`);
  const reset = Object.assign(document.createElement("button"), { type: "button", textContent: "Back to the reading" });

  const show = (whatIf: number | null) => {
    const status = whatIf === null ? readingStatus : scorecardStatus({ value: whatIf, low: null, high: null }, thresholds);
    card.value = status;
    card.dataset.status = status;
    statusSlot.replaceChildren(
      whatIf === null ? "Status from the reading: " : `What-if ${formatInUnit(whatIf, bucket.unit)}: `,
      statusBadge(status)
    );
    reset.disabled = whatIf === null;
  };
  const setWhatIf = (value: number | null) => {
    const start = value ?? whatIfStart(reading);
    range.value = String(start);
    number.value = String(roundForDisplay(start));
    show(value);
    card.dispatchEvent(new Event("input", { bubbles: true }));
  };
  range.addEventListener("input", (event) => {
    event.stopPropagation();
    number.value = range.value;
    setWhatIf(Number(range.value));
  });
  number.addEventListener("input", (event) => {
    event.stopPropagation();
    if (number.value.trim() === "" || !Number.isFinite(number.valueAsNumber)) return;
    range.value = number.value;
    setWhatIf(number.valueAsNumber);
  });
  reset.addEventListener("click", () => setWhatIf(null));
  range.value = String(whatIfStart(reading));
  number.value = String(roundForDisplay(whatIfStart(reading)));
  show(null);

  const conditions = element(
    "dl",
    "scorecard-conditions",
    element("dt", "", "Bullish confirmation"),
    element("dd", "", ...withFigures(bucket.bullish, claims)),
    element("dt", "", "Bearish continuation"),
    element("dd", "", ...withFigures(bucket.bearish, claims))
  );
  const whatIf = element(
    "div",
    "scorecard-whatif",
    element("label", "", `What if the reading were… (${bucket.unit.replaceAll("_", " ")})`),
    element("div", "scorecard-whatif-controls", range, number, reset)
  );
  card.append(
    element("h2", "", bucket.title),
    element("p", "scorecard-metric", bucket.metric),
    block,
    statusSlot,
    ...[contextBlock(bucket, claims)].filter((x): x is HTMLElement => x !== null),
    conditions,
    element("details", "", element("summary", "", "How the status is set"), rulesBlock(thresholds, bucket.unit, claims), element("p", "scorecard-source", `Table source: ${bucket.tableSource}.`)),
    whatIf
  );
  return card;
}

/** The overall tally of the cards' statuses; it updates whenever a card's what-if moves. */
export function scorecardTally(cards: readonly ScorecardCardElement[]): HTMLElement {
  const tally = element("div", "scorecard-tally");
  const render = () => {
    const counts = tallyStatuses(cards.map((card) => card.value));
    tally.replaceChildren(
      ...STATUSES.filter((status) => counts[status] > 0 || status === "bullish" || status === "bearish" || status === "neutral").map((status) => {
        const item = element("span", "scorecard-tally-item", element("strong", "", String(counts[status])), ` ${status}`);
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
