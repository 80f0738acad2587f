import type { CitedClaim } from "../../lib/ledger/types.js";
import { SKEW_CONVENTIONS } from "../../lib/skew.js";
import { skewReadings } from "../skewReadings.js";
import { claimIds, flag, OptionProblem, someOfOrNull } from "./options.js";
import { defineChart } from "./spec.js";

const isSkew = (claim: CitedClaim) => claim.convention !== null && SKEW_CONVENTIONS.some((convention) => convention === claim.convention);

export const skewReadingsEmbed = defineChart(["claims", "optionsSkew"])({
  about: "Options-skew readings, each in the sign convention its source printed, one row per convention with fear pointing right on both; computed RR25 when captured.",
  pages: ["derivatives"],
  claimsForm: true,
  options: {
    ids: claimIds("ledger ids of skew readings and fear lines; default every one in the ledger.", {
      what: "a reported options skew with its sign convention",
      accepts: isSkew,
      fallback: ({ claims }) => claims.filter(isSkew).map((claim) => claim.id)
    }),
    conventions: someOfOrNull('which sign conventions: `"rr25"` (call minus put, the risk reversal) or `"put_minus_call"`; default those of the figures drawn.', () => SKEW_CONVENTIONS),
    computed: flag("`false` leaves out the RR25 computed from captured option trades; default `true` (drawn only when a capture holds them).", true)
  },
  example: { conventions: ["put_minus_call"] },
  draw({ optionsSkew }, { ids, conventions, computed }, width) {
    const chosen: readonly string[] = conventions ?? SKEW_CONVENTIONS;
    const shown = ids.filter((claim) => chosen.includes(claim.convention ?? ""));
    const withComputed = computed && chosen.includes("rr25") && optionsSkew.rows.length > 0;
    const empty = conventions?.find((convention) => !shown.some((claim) => claim.convention === convention) && !(convention === "rr25" && withComputed));
    if (empty) throw new OptionProblem(`has "${empty}", but no figure drawn is in that convention`, `add its figures to "ids" or leave "${empty}" out`, "conventions");
    return skewReadings(shown, { width, ...(withComputed ? { market: optionsSkew } : {}) });
  }
});
