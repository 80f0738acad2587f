import { factCheckTable } from "../factCheckTable.js";
import { claimIds } from "./options.js";
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
