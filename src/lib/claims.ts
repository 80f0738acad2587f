// Looking up and formatting ledger figures. Browser-safe: pages and components import it.
import type { CitedClaim } from "./ledger/types.ts";

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
 * The figure as the ledger states it: a value, a range ("$66,900–$70,600"), or a
 * bound ("> $1.26B", "< 0%") when the article gave only one side.
 */
export function formatClaimValue(claim: Pick<CitedClaim, "value" | "low" | "high" | "unit">): string {
  const { value, low, high, unit } = claim;
  if (value !== null) return formatInUnit(value, unit);
  if (low !== null && high !== null) return `${formatInUnit(low, unit)} to ${formatInUnit(high, unit)}`;
  if (low !== null) return `> ${formatInUnit(low, unit)}`;
  if (high !== null) return `< ${formatInUnit(high, unit)}`;
  throw new Error("claim has neither a value nor a range");
}

/** When the figure was true, for tips and tables: the UTC date, or "undated follow-up". */
export function claimDate(claim: Pick<CitedClaim, "asOf">): string {
  if (claim.asOf === null) return "undated follow-up";
  const date = new Date(claim.asOf);
  return claim.asOf.length <= 10 || Number.isNaN(date.getTime()) ? claim.asOf : `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
