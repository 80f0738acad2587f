import { claimById, claimDate } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { shortUtcDay } from "../lib/metrics/time.js";
import { requiredAttributions } from "../lib/public/attribution.js";
import type { PublicSource } from "../lib/public/load.js";
import { FOLLOW_UP } from "../lib/followUp.js";
import type { SignalTurn, SignalTurns, TurnEvidence, TurnVerdict } from "../lib/scorecard.js";
import { publicCredits } from "./chartFigure.js";
import { citedFigure, withFigures } from "./citedFigure.js";
import { element } from "./element.js";

/** What src/data/signal-turns.json prints. */
export type SignalTurnsData = SignalTurns & { credits: PublicSource[] };

export interface SignalTurnsOptions {
  /** Show each signal's evidence open rather than behind a disclosure (default false). */
  expanded?: boolean;
}

const verdictLabel: Record<TurnVerdict, string> = {
  turned: "Turned",
  "did not turn": "Did not turn",
  "not measurable here": "Not measurable here"
};

function evidenceItem(evidence: TurnEvidence, claims: readonly CitedClaim[]): HTMLLIElement {
  const item = element("li", "", ...withFigures(evidence.text, claims), " ", element("span", "signal-turns-source", `(${evidence.source})`));
  item.dataset.kind = evidence.kind;
  return item;
}

function atCrash(line: SignalTurn, claims: readonly CitedClaim[]): HTMLElement {
  const paragraph = element("p", "signal-turns-crash", "At the crash: ");
  line.atCrash.forEach(({ claimId, label }, i) => {
    const claim = claimById(claims, claimId);
    paragraph.append(i === 0 ? "" : "; ", `${label} `, citedFigure(claim), `, ${claimDate(claim)}`);
  });
  paragraph.append(".");
  return paragraph;
}

/**
 * Which of the scorecard's signals turned after the crash: per bucket, a verdict, the reading at
 * the crash and the later evidence with its source. Embed: `display(signalTurns(data, claims))`.
 */
export function signalTurns(data: SignalTurnsData, claims: readonly CitedClaim[], { expanded = false }: SignalTurnsOptions = {}): HTMLElement {
  const root = element("div", "signal-turns");
  const followUp = claims.find((claim) => claim.sourceId === FOLLOW_UP.sourceId)?.source;
  root.append(
    element(
      "p",
      "signal-turns-lead",
      `Later evidence runs from ${shortUtcDay(data.from)} to ${shortUtcDay(data.to)} in the committed series`,
      followUp ? `, and on to the undated follow-up “${followUp.headline}” (${followUp.outlet}). ` : ". ",
      ...withFigures(data.price.text, claims),
      " ",
      element("span", "signal-turns-source", `(${data.price.source})`)
    )
  );
  const list = element("ul", "signal-turns-list");
  for (const line of data.lines) {
    const verdict = element("span", "signal-turns-verdict", verdictLabel[line.verdict]);
    verdict.dataset.verdict = line.verdict;
    const details = element("details", "signal-turns-evidence", element("summary", "", "Evidence and sources"), atCrash(line, claims), element("ul", "", ...line.evidence.map((e) => evidenceItem(e, claims))));
    details.open = expanded;
    const item = element("li", "signal-turns-item", element("div", "signal-turns-head", element("strong", "", line.title), " ", verdict), element("p", "signal-turns-because", ...withFigures(line.because, claims)), details);
    item.dataset.bucket = line.bucket;
    item.dataset.verdict = line.verdict;
    list.append(item);
  }
  // Each computed line names its data in words; the extracts and their licences are listed once, folded.
  const credits = element(
    "div",
    "signal-turns-credits",
    element("p", "", "Computed lines come from public dataset extracts.", ...requiredAttributions(data.credits.map((c) => c.upstream)).map((text) => ` ${text}`), " Dates in UTC."),
    element("details", "", element("summary", "", "Series, mirrors and licences"), element("p", "", `${publicCredits(data.credits).join("; ")}.`))
  );
  root.append(list, credits);
  return root;
}
