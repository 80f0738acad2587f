// Looking up and formatting ledger figures. Browser-safe: pages and components import it.
import type { CitedClaim } from "./ledger/types.ts";
import { shortUtcDay } from "./metrics/time.js";

/** The claim with this id; a missing id is a broken page, so it throws with the id named. */
export function claimById(claims: readonly CitedClaim[], id: string): CitedClaim {
  const claim = claims.find((candidate) => candidate.id === id);
  if (!claim) throw new Error(`claim "${id}" is not in the ledger (data/claims.csv)`);
  return claim;
}

export function claimsById(claims: readonly CitedClaim[], ids: readonly string[]): CitedClaim[] {
  return ids.map((id) => claimById(claims, id));
}

const unitFormats: Record<string, (value: number) => string> = {
  usd: (v) => `$${v.toLocaleString("en-US", { maximumFractionDigits: v < 10 ? 5 : 2 })}`,
  usd_bn: (v) => `$${v.toLocaleString("en-US")}B`,
  usd_mn: (v) => `$${v.toLocaleString("en-US")}M`,
  usd_tn: (v) => `$${v.toLocaleString("en-US")}T`,
  btc: (v) => `${v.toLocaleString("en-US")} BTC`,
  pct: (v) => `${v.toLocaleString("en-US")}%`,
  pct_annualized: (v) => `${v.toLocaleString("en-US")}% a year`,
  vol_pts: (v) => `${v.toLocaleString("en-US")} vol pts`,
  ratio: (v) => v.toLocaleString("en-US"),
  usd_per_ph_day: (v) => `$${v.toLocaleString("en-US")}/PH/s/day`,
  x_leverage: (v) => `${v.toLocaleString("en-US")}x`,
  index_points: (v) => v.toLocaleString("en-US")
};

/** A value in a claim's unit: "$60,000", "$1.8B", "-13 vol pts". Signed money keeps its sign before the $. */
export function formatInUnit(value: number, unit: string): string {
  const format = unitFormats[unit];
  if (!format) throw new Error(`no format for unit "${unit}"`);
  return value < 0 && unit.startsWith("usd") ? `−${format(-value)}` : format(value).replace(/^-/, "−");
}

/**
 * The figure as the ledger states it: a value, a range ("$66,900 to $70,600"), a bound
 * ("> $1.26B", "< 0%") when the article gave only one side, or the words of a qualitative reading.
 */
export function formatClaimValue(claim: Pick<CitedClaim, "value" | "low" | "high" | "unit"> & Partial<Pick<CitedClaim, "label">>): string {
  const { value, low, high, unit, label } = claim;
  if (label) return label;
  if (value !== null) return formatInUnit(value, unit);
  if (low !== null && high !== null) return `${formatInUnit(low, unit)} to ${formatInUnit(high, unit)}`;
  if (low !== null) return `> ${formatInUnit(low, unit)}`;
  if (high !== null) return `< ${formatInUnit(high, unit)}`;
  throw new Error("claim has neither a value, a range nor a label");
}

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;
const DAY_MS = 86_400_000;

/** Monday 00:00 UTC of an ISO week ("2026-W06" -> 2026-02-02). */
function isoWeekMonday(year: number, week: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - jan4Weekday * DAY_MS + (week - 1) * 7 * DAY_MS;
}


/**
 * The UTC interval a claim's as_of names: a day, a month, an ISO week, or the instant of a
 * date-time; null when the source prints no date. `to` is exclusive.
 */
export function asOfInterval(asOf: string | null): { from: Date; to: Date } | null {
  if (asOf === null) return null;
  const week = ISO_WEEK.exec(asOf);
  if (week) {
    const monday = isoWeekMonday(Number(week[1]), Number(week[2]));
    return { from: new Date(monday), to: new Date(monday + 7 * DAY_MS) };
  }
  if (/^\d{4}-\d{2}$/.test(asOf)) {
    const [year, month] = asOf.split("-").map(Number) as [number, number];
    return { from: new Date(Date.UTC(year, month - 1, 1)), to: new Date(Date.UTC(year, month, 1)) };
  }
  if (asOf.length === 10) {
    const day = Date.parse(`${asOf}T00:00:00Z`);
    return { from: new Date(day), to: new Date(day + DAY_MS) };
  }
  const instant = new Date(asOf);
  return { from: instant, to: instant };
}

/** When the figure was true, for tips and tables: the date, the UTC time, the ISO week with its days, or "date not printed". */
export function claimDate(claim: Pick<CitedClaim, "asOf">): string {
  const { asOf } = claim;
  if (asOf === null) return "date not printed";
  const week = ISO_WEEK.exec(asOf);
  if (week) {
    const monday = isoWeekMonday(Number(week[1]), Number(week[2]));
    return `${asOf} (${shortUtcDay(monday)} to ${shortUtcDay(monday + 6 * DAY_MS)})`;
  }
  const date = new Date(asOf);
  return asOf.length <= 10 || Number.isNaN(date.getTime()) ? asOf : `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/**
 * The date in words for prose: "February 6, 2026", "February 2026", "week 6 of 2026 (Feb 2 to Feb 8)",
 * "Feb 7, 2026, 05:30 UTC", or "a date the source does not print".
 */
export function asOfWords(asOf: string | null): string {
  if (asOf === null) return "a date the source does not print";
  const week = ISO_WEEK.exec(asOf);
  if (week) {
    const monday = isoWeekMonday(Number(week[1]), Number(week[2]));
    return `week ${Number(week[2])} of ${week[1]} (${shortUtcDay(monday)} to ${shortUtcDay(monday + 6 * DAY_MS)})`;
  }
  const utc = { timeZone: "UTC" } as const;
  if (/^\d{4}-\d{2}$/.test(asOf)) return new Date(`${asOf}-01T00:00:00Z`).toLocaleDateString("en-US", { month: "long", year: "numeric", ...utc });
  if (asOf.length === 10) return new Date(`${asOf}T00:00:00Z`).toLocaleDateString("en-US", { month: "long", day: "numeric", year: "numeric", ...utc });
  const instant = new Date(asOf);
  return `${instant.toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", ...utc })}, ${instant.toISOString().slice(11, 16)} UTC`;
}

const PERIOD_WORDS: Record<string, string> = {
  intraday: "within the day",
  "1d": "over one day",
  "24h": "over 24 hours",
  "5d": "over five days",
  "7d": "over seven days",
  week: "over the week",
  "3w": "over three weeks",
  "30d": "within 30 days",
  "month-to-date": "month to date",
  "7d-sma": "7-day average",
  "prior-week": "about a week earlier",
  "since-low": "since the low",
  "since-ath": "below the all-time high",
  correction: "over the fall",
  event: "over the event",
  "next-adjustment": "at the next difficulty adjustment",
  "to-expiry": "to the options expiry",
};

/** The span a figure covers, in words ("over 24 hours"); "" for a point reading or none. */
export function periodWords(claim: Pick<CitedClaim, "period" | "expiry">): string {
  if (claim.period === "to-expiry" && claim.expiry) return `options expiring ${claim.expiry}`;
  return PERIOD_WORDS[claim.period ?? ""] ?? "";
}

const KIND_WORDS: Record<string, string> = {
  reading: "a reading",
  low: "the low of the period",
  high: "the high of the period",
  bound: "a bound (more than or less than)",
  range: "a range",
  reference: "a reference level",
  scenario: "a projection, not a reading",
  label: "a reading in words",
};

/** What kind of statement the figure is, in words. */
export function kindWords(claim: Pick<CitedClaim, "kind">): string {
  return KIND_WORDS[claim.kind] ?? claim.kind;
}

/** The parties a figure is credited to, in words ("Deribit Insights and Block Scholes"); null when the outlet stated it. */
export function creditedParties(claim: Pick<CitedClaim, "attributedTo">): string | null {
  if (!claim.attributedTo) return null;
  const parties = claim.attributedTo.split("; ");
  return parties.length === 1 ? (parties[0] as string) : `${parties.slice(0, -1).join(", ")} and ${parties.at(-1)}`;
}

/**
 * Who published the figure: the source's outlet, one name per piece of writing however many
 * copies print it (the copies are listed on the sources page).
 */
export function claimPublisher(claim: Pick<CitedClaim, "source">): string {
  return claim.source.outlet;
}

/**
 * "in the copy bylined Esther Mendoza" when only copies printed without the source's outlet
 * carry the quote; "" otherwise.
 */
export function claimCopyWords(claim: Pick<CitedClaim, "source" | "copyIds">): string {
  const printing = claim.source.copies.filter((copy) => claim.copyIds.includes(copy.id));
  if (printing.length === 0 || printing.some((copy) => copy.outlet === claim.source.outlet)) return "";
  const bylines = [...new Set(printing.map((copy) => copy.author).filter((author): author is string => author !== null))];
  return bylines.length > 0 ? `in the copy bylined ${bylines.join(" and ")}` : "";
}

/** "CoinGlass via an unnamed outlet", or just the publisher when it stated the figure itself. */
export function claimAttribution(claim: Pick<CitedClaim, "attributedTo" | "source">): string {
  const parties = creditedParties(claim);
  const publisher = claimPublisher(claim);
  return parties ? `${parties} via ${publisher}` : publisher;
}

/**
 * The facts behind a figure in one line, for hover text: who reported it, when, over what span,
 * what kind of reading, and the quote. Never the ledger's working note.
 */
export function claimSummary(claim: CitedClaim): string {
  const facts = [
    claimAttribution(claim),
    claimCopyWords(claim),
    claimDate(claim),
    periodWords(claim),
    claim.kind === "reading" ? "" : kindWords(claim),
  ].filter((fact) => fact !== "");
  return `${facts.join(", ")}: “${claim.quote}”`;
}
