// Deribit instrument names: BTC-27MAR26 (future), BTC-27MAR26-70000-C (option).
// Every Deribit expiry settles at 08:00 UTC on its date.

import { DAYS_PER_YEAR, MS_PER_DAY } from "./time.ts";

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const EXPIRY_HOUR_UTC = 8;

export interface OptionInstrument {
  expiryMs: number;
  strike: number;
  type: "call" | "put";
}

/** Expiry time (08:00 UTC) of a Deribit date code such as 27MAR26, or null if not a date code. */
export function parseExpiryCode(code: string): number | null {
  const match = /^(\d{1,2})([A-Z]{3})(\d{2})$/.exec(code);
  if (!match) return null;
  const month = MONTHS.indexOf(match[2]!);
  if (month < 0) return null;
  return Date.UTC(2000 + Number(match[3]), month, Number(match[1]), EXPIRY_HOUR_UTC);
}

export function parseOptionInstrument(name: string): OptionInstrument | null {
  const parts = name.split("-");
  if (parts.length !== 4) return null;
  const expiryMs = parseExpiryCode(parts[1]!);
  const strike = Number(parts[2]);
  const type = parts[3] === "C" ? "call" : parts[3] === "P" ? "put" : null;
  if (expiryMs === null || !(strike > 0) || type === null) return null;
  return { expiryMs, strike, type };
}

export function expiryCode(expiryMs: number): string {
  const date = new Date(expiryMs);
  const year = String(date.getUTCFullYear() % 100).padStart(2, "0");
  return `${date.getUTCDate()}${MONTHS[date.getUTCMonth()]}${year}`;
}

/** Last Friday of a month, at 08:00 UTC: the Deribit quarterly expiry rule. */
function lastFridayExpiry(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  const back = (lastDay.getUTCDay() - 5 + 7) % 7;
  return Date.UTC(year, month, lastDay.getUTCDate() - back, EXPIRY_HOUR_UTC);
}

/** The first quarterly (Mar/Jun/Sep/Dec) expiry strictly after a time. */
export function nextQuarterlyExpiry(afterMs: number): number {
  const start = new Date(afterMs);
  for (let offset = 0; offset < 6; offset++) {
    const year = start.getUTCFullYear() + Math.floor((start.getUTCMonth() + offset) / 12);
    const month = (start.getUTCMonth() + offset) % 12;
    if (month % 3 !== 2) continue;
    const expiry = lastFridayExpiry(year, month);
    if (expiry > afterMs) return expiry;
  }
  throw new Error("unreachable: a quarterly expiry falls within six months");
}

export function yearsBetween(fromMs: number, toMs: number): number {
  return (toMs - fromMs) / (DAYS_PER_YEAR * MS_PER_DAY);
}
