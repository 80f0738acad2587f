// Charts of the pages that check the numbers: the fact check and the sources' agreement.
import type { AgreementDataset } from "../../lib/public/agreementDataset.js";
import { factCheckTable } from "../factCheckTable.js";
import { comparedDays, sourceAgreement } from "../sourceAgreement.js";
import { claimIds, dayRange, daysOf, oneOf, OptionProblem } from "./options.js";
import { defineChart } from "./spec.js";

export const factCheckTableEmbed = defineChart(["factCheck", "claims"])({
  about: "Reported figures beside the value computed from market data over the span their source gives, with the difference and why the two can differ.",
  pages: ["fact-check"],
  fixedWidth: true,
  options: {
    ids: claimIds("ledger ids of checked figures, one row each; default every figure the fact check compares.", {
      what: "a figure the fact check compares with market data",
      accepts: (claim, { factCheck }) => factCheck.rows.some((row) => row.claim_id === claim.id),
      fallback: ({ factCheck }) => [...new Set(factCheck.rows.map((row) => row.claim_id))],
      // A build with no market series checks nothing: left out, the list is empty and says so.
      nonEmpty: false
    })
  },
  example: { ids: ["btc-open-2026-02-05", "btc-low-2026-02-06"] },
  draw({ factCheck, claims }, { ids }) {
    if (ids.length === 0) {
      return Object.assign(document.createElement("p"), {
        className: "fact-check-empty",
        textContent: "No figure is checked in this build: no market series is available to check against."
      });
    }
    const chosen = new Set(ids.map((claim) => claim.id));
    // The table is wider than a phone: it scrolls sideways inside the page rather than widening it.
    const box = document.createElement("div");
    box.className = "fact-check-scroll";
    box.style.overflowX = "auto";
    box.append(factCheckTable({ ...factCheck, rows: factCheck.rows.filter((row) => chosen.has(row.claim_id)) }, claims));
    return box;
  }
});

const groupOf = (agreement: AgreementDataset, id: string) => agreement.groups.find((group) => group.id === id)!;

export const sourceAgreementEmbed = defineChart(["agreement"])({
  about: "How far apart independent sources of one daily close are each UTC day, against the threshold above which a day needs a note.",
  pages: ["methodology"],
  options: {
    group: oneOf('which quantity\'s sources: `"btc"` (Bitcoin\'s daily close), `"sp500"`, `"gold"`, `"dxy"`, `"vix"`, `"wti"`; default `"btc"`.', (data: { agreement: AgreementDataset }) => data.agreement.groups.map((group) => group.id), "btc"),
    range: dayRange('`["YYYY-MM-DD", "YYYY-MM-DD"]`, the first and last UTC day drawn; default every day compared.', (data) => daysOf(data.agreement.groups.flatMap((group) => group.rows)), "all")
  },
  example: { range: ["2026-01-15", "2026-02-28"] },
  draw({ agreement }, { group, range }, width) {
    const groups = agreement.groups.map((candidate) => (candidate.id === group ? { ...candidate, rows: candidate.rows.filter((row) => row.date >= range.from && row.date <= range.to) } : candidate));
    if (comparedDays(groupOf({ ...agreement, groups }, group)).length === 0) throw new OptionProblem(`holds no day with two sources of the ${group} group`, "widen it", "range");
    return sourceAgreement({ ...agreement, groups }, { width, group });
  }
});
