// Charts of the Derivatives page: volatility and funding, positioning, skew, put strikes, the basis.
import { claimsById } from "../../lib/claims.js";
import type { CitedClaim } from "../../lib/ledger/types.js";
import { addUtcDays } from "../../lib/metrics/time.js";
import type { PublicVolatility } from "../../lib/public/volatility.js";
import { SKEW_CONVENTIONS } from "../../lib/skew.js";
import { basisVsNeutral } from "../basisVsNeutral.js";
import { linkedPanels } from "../linkedPanels.js";
import { longShortRatios } from "../longShortRatios.js";
import { putStrikesVsPrice, strikeMarks } from "../putStrikesVsPrice.js";
import { skewReadings } from "../skewReadings.js";
import { checkInRange, isDatedPrice } from "./figures.js";
import { checkLabels, claimIds, claimIdsOrNull, day, dayRange, daysOf, flag, labels, OptionProblem, someOfOrNull, type DayRange } from "./options.js";
import { defineChart } from "./spec.js";
import { spanWords } from "./text.js";

const hourlyDays = (data: { volatility: PublicVolatility }) => daysOf(data.volatility.hourly);

const monthWords = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", year: "numeric", timeZone: "UTC" });

/** "Oct 2025 to Feb 2026" for a range of whole months, as Derivatives titles its five; else the days. */
function rangeWords(range: DayRange): string {
  const wholeMonths = range.from.endsWith("-01") && addUtcDays(range.to, 1).endsWith("-01");
  return wholeMonths ? `${monthWords(range.from)} to ${monthWords(range.to)}` : spanWords(range);
}

export const linkedPanelsEmbed = defineChart(["volatility", "claims"])({
  about: "Bitcoin's hourly price, implied (DVOL) against realized volatility, and funding on one time axis, read together under the pointer.",
  pages: ["/", "derivatives"],
  options: {
    range: dayRange('`["YYYY-MM-DD", "YYYY-MM-DD"]`, the first and last UTC day drawn; default Jan 25 to Feb 15, 2026, as on the Overview (Derivatives draws Oct 1, 2025 to Feb 28, 2026).', hourlyDays, { from: "2026-01-25", to: "2026-02-15" }),
    prices: claimIdsOrNull("ledger ids of reported BTC prices marked on the price panel; default the open of Feb 5 and the low of Feb 6 where the range takes them in.", {
      what: "a reported BTC price dated to a day or an hour",
      accepts: isDatedPrice,
      nonEmpty: false
    })
  },
  example: { range: ["2026-01-20", "2026-02-15"], prices: ["btc-low-2026-02-06"] },
  draw({ volatility, claims }, { range, prices }, width) {
    if (prices) checkInRange("prices", prices, range);
    return linkedPanels(volatility, claims, {
      width,
      ...range,
      title: `Bitcoin, ${rangeWords(range)}: price, implied against realized volatility, funding`,
      filename: `btc-volatility-funding-${range.from}-to-${range.to}`,
      prices: prices ?? claimsById(claims, ["btc-open-2026-02-05", "btc-low-2026-02-06"])
    });
  }
});

/** What each of AMBCrypto's ratios counts, as its article says. */
const RATIO_WORDS: Record<string, string> = {
  "btc-long-short-ratio-all-ambcrypto": "All exchanges",
  "btc-long-short-ratio-binance-okx-ambcrypto": "Binance and OKX accounts, average"
};

export const longShortRatiosEmbed = defineChart(["claims"])({
  about: "Reported long/short ratios on a log scale, where two longs per short sits as far from even as two shorts per long.",
  pages: ["derivatives"],
  claimsForm: true,
  options: {
    ids: claimIds("ledger ids of reported BTC long/short ratios; default AMBCrypto's two.", {
      what: "a reported BTC long/short ratio",
      accepts: (claim) => claim.metric === "long_short_ratio" && claim.unit === "ratio" && claim.value !== null,
      fallback: () => Object.keys(RATIO_WORDS)
    }),
    labels: labels('`{ "<id>": "words" }`, what each ratio counts; default the words Derivatives gives AMBCrypto\'s two, and for any other the quote it comes from.')
  },
  example: { ids: ["btc-long-short-ratio-all-ambcrypto"], labels: { "btc-long-short-ratio-all-ambcrypto": "Across all exchanges" } },
  draw(_data, { ids, labels: words }, width) {
    checkLabels(words, ids);
    return longShortRatios(ids.map((claim) => ({ label: words[claim.id] ?? RATIO_WORDS[claim.id] ?? `“${claim.quote}”`, claim })), { width });
  }
});

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

export const putStrikesVsPriceEmbed = defineChart(["volatility", "claims"])({
  about: "Where reported put open interest sat against the price: the strike band and the largest strike up to their expiry, over the hourly close, with the lowest close marked.",
  pages: ["derivatives"],
  options: {
    range: dayRange('`["YYYY-MM-DD", "YYYY-MM-DD"]`, the first and last UTC day drawn; default Jan 25 to Feb 28, 2026, as on Derivatives.', hourlyDays, { from: "2026-01-25", to: "2026-02-28" }),
    ids: claimIds("ledger ids of put strikes with an expiry; default Derive's band and largest strike for Feb 27.", {
      what: "a reported option strike or strike band with an expiry",
      accepts: (claim) => claim.unit === "usd" && strikeMarks([claim]).length === 1,
      fallback: () => ["btc-put-open-interest-strikes-2026-02-27", "btc-put-open-interest-peak-strike-2026-02-27"]
    }),
    lowestFrom: day('`"YYYY-MM-DD"`: the lowest hourly close is marked from this day to the expiry; default `"2026-02-07"`, the day after the analysis.', hourlyDays, "2026-02-07")
  },
  example: { range: ["2026-02-01", "2026-02-28"], lowestFrom: "2026-02-10" },
  draw: ({ volatility }, { range, ids, lowestFrom }, width) => putStrikesVsPrice(volatility, ids, { width, ...range, lowestFrom })
});

export const basisVsNeutralEmbed = defineChart(["claims", "basis"])({
  about: "The reported annualized futures basis against the reported neutral range, with the daily basis computed from dated futures when a capture holds them (on Derivatives only then).",
  pages: [],
  claimsForm: true,
  options: {
    ids: claimIds("ledger ids of basis readings and the neutral range; default every one in the ledger.", {
      what: "a reported annualized BTC futures basis or its neutral range",
      accepts: (claim) => claim.metric.startsWith("annualized_basis"),
      fallback: ({ claims }) => claims.filter((claim) => claim.metric.startsWith("annualized_basis")).map((claim) => claim.id)
    }),
    computed: flag("`false` leaves out the computed daily basis; default `true` (drawn only when a capture holds dated futures).", true)
  },
  example: { computed: false },
  draw: ({ basis }, { ids, computed }, width) => basisVsNeutral(ids, { width, ...(computed ? { market: basis } : {}) })
});
