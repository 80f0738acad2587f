// A figure must be printed in its own quote: the numbers a quote prints, read with the notations
// the articles use, and the check that a claim's value, low and high are among them with the
// sign the words give. The rules are documented in docs/data.md ("What a quote must show").
import type { LedgerIssue } from "./errors.ts";
import { normaliseForQuote } from "./quotes.ts";
import type { Claim } from "./types.ts";
import { CLAIM_COLUMNS, type Unit } from "./vocabulary.ts";

/** How a number is printed: what follows (or precedes) the digits decides what it can stand for. */
export type NumberForm =
  | "currency" // $73,100, $73.1K, -$400 million, ~$83k
  | "percent" // 13%, −13%, 13 percent, 50 basis points (as 0.5)
  | "multiple" // 20x
  | "btc" // 527,850 BTC
  | "plain" // 73,100, 0.958, 1.26 billion
  | "ordinal" // February 4th
  | "duration" // 24 hours, 7-day, 30 days
  | "other"; // 25D, 25-delta, a16z, Q4: digits inside a name

export interface PrintedNumber {
  /** Offsets in the text it was read from: text.slice(start, end) is the whole notation. */
  start: number;
  end: number;
  /** Absolute amount, scale words applied: "$73.1K" is 73100, "1.26 billion" is 1260000000, "50 bps" is 0.5. */
  magnitude: number;
  /** A printed minus or plus sign; null when none is printed. */
  sign: -1 | 1 | null;
  form: NumberForm;
}

const SCALE_SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, bn: 1e9, t: 1e12, tn: 1e12 };
const SCALE_WORD: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

// The sign must touch the digits or the $, and not follow a letter, digit or % (so "1-2" and
// "$60,000-$50,000" are ranges, not negative numbers). Typographic minus signs and dashes are
// folded to "-" before reading.
const NUMBER =
  /(?<![\w.$])(?:(?<sign>[+-])(?=[$\d]))?(?<currency>\$)?(?<![\w.])(?<digits>\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.(?<fraction>\d+))?/g;
const AFTER =
  /^(?:(?<percent>\s?%|\s(?:percent|per cent)(?![a-z]))|(?<bps>\s?bps|\s?basis points?)(?![a-z])|(?<suffix>bn|tn|[kmbt])(?![a-zA-Z])|\s(?<word>thousand|million|billion|trillion)(?![a-z])|(?<multiple>x)(?![a-zA-Z])|(?<ordinal>st|nd|rd|th)(?![a-zA-Z])|(?<duration>-?\s?(?:hours?|days?|weeks?|months?|years?|minutes?)(?![a-z]))|(?<letter>-?[a-zA-Z]))?/i;
/** A count of coins: "527,850 BTC", "10 bitcoins" (not "15 Bitcoin's price"). */
const COINS = /^\s(?:BTC|bitcoins)(?![A-Za-z])/;

/** Every number printed in `text`, in order, with its notation read. */
export function printedNumbers(text: string): PrintedNumber[] {
  const numbers: PrintedNumber[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const groups = match.groups ?? {};
    const start = match.index;
    let end = start + match[0].length;
    let magnitude = Number(`${(groups.digits ?? "").replace(/,/g, "")}.${groups.fraction ?? "0"}`);
    const following = AFTER.exec(text.slice(end));
    const after = following?.groups ?? {};
    let form: NumberForm = groups.currency ? "currency" : "plain";
    if (after.percent) form = "percent";
    else if (after.bps) [form, magnitude] = ["percent", magnitude / 100];
    else if (after.suffix) magnitude *= SCALE_SUFFIX[after.suffix.toLowerCase()] ?? 1;
    else if (after.word) magnitude *= SCALE_WORD[after.word.toLowerCase()] ?? 1;
    else if (after.multiple) form = "multiple";
    else if (after.ordinal) form = "ordinal";
    else if (after.duration) form = "duration";
    else if (after.letter) form = "other";
    end += after.letter ? 0 : (following?.[0].length ?? 0);
    const coins = form === "plain" ? COINS.exec(text.slice(end)) : null;
    if (coins) [form, end] = ["btc", end + coins[0].length];
    const sign = groups.sign === "-" ? -1 : groups.sign === "+" ? 1 : null;
    numbers.push({ start, end, magnitude, sign, form });
  }
  return numbers;
}

/** How a unit's figures may be printed, and what one printed unit of the amount is worth in it. */
const UNIT_NOTATION: Record<Unit, { forms: readonly NumberForm[]; scale: number; example: string }> = {
  usd: { forms: ["currency", "plain"], scale: 1, example: "$73,100, $73.1K or 73,100" },
  usd_mn: { forms: ["currency", "plain"], scale: 1e6, example: "$544.9 million or $544.9M" },
  usd_bn: { forms: ["currency", "plain"], scale: 1e9, example: "$50.9 billion, $50.9B or 1.26 billion" },
  usd_tn: { forms: ["currency", "plain"], scale: 1e12, example: "$2.48 trillion" },
  usd_per_ph_day: { forms: ["currency", "plain"], scale: 1, example: "$32/PH/s" },
  btc: { forms: ["btc", "plain"], scale: 1, example: "527,850 BTC" },
  pct: { forms: ["percent"], scale: 1, example: "13%, −13% or 50 basis points" },
  pct_annualized: { forms: ["percent"], scale: 1, example: "2% annualized" },
  vol_pts: { forms: ["percent", "plain"], scale: 1, example: "-13% or 13 vol points" },
  ratio: { forms: ["plain"], scale: 1, example: "0.958" },
  index_points: { forms: ["plain"], scale: 1, example: "36" },
  x_leverage: { forms: ["multiple", "plain"], scale: 1, example: "20x" },
};

// Words that give an unsigned number its sign. Before the number they must govern it ("fell 13%",
// "outflows of $690 million", "drop by about 13.37%"); after it they name the move ("a 14%
// drawdown", "44% below its all-time high", "a 21% Bitcoin price drop"). A word before a colon
// heads a list ("net outflow: February 4th – $544.9 million").
const FALL = new Set(
  "fell fall falls falling drop drops dropped dropping decline declines declined declining decrease decreased down lost loss losses outflow outflows drawdown drawdowns correction plunge plunged plunging plummet plummeted slump slumped sank slid tumbled crash crashed cut cuts lowered negative minus lower".split(" "),
);
const RISE = new Set(
  "rose rise rises rising risen up gain gains gained surge surged surging jump jumped climb climbed increase increased increases rebound rebounded soared advanced higher inflow inflows positive plus".split(" "),
);
/** After the number, a level word names a signed distance ("44% below its high"). */
const AFTER_ONLY: Record<string, "down" | "up"> = { below: "down", above: "up" };
/** Before the number these make it a level or a bound, not a move: "fell to $62,600", "drop below $32". */
const STOPS = new Set("to towards toward from at than above below over under near between".split(" "));
const WINDOW_BEFORE = 4;
const WINDOW_AFTER = 3;

type Direction = "down" | "up" | null;

const bare = (word: string) => word.toLowerCase().replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "");
const closesClause = (word: string) => /[,;:.!?()]$/.test(word);

/** The sign the quote gives a number: printed, or from the words that govern it. */
export function printedDirection(text: string, number: PrintedNumber): Direction {
  if (number.sign !== null) return number.sign < 0 ? "down" : "up";
  const before = text.slice(0, number.start).split(" ").filter(Boolean);
  for (let i = before.length - 1, seen = 0; i >= 0 && seen < WINDOW_BEFORE; i--, seen++) {
    const raw = before[i] as string;
    const word = bare(raw);
    if (/\d/.test(word) || STOPS.has(word) || (seen > 0 && closesClause(raw) && !raw.endsWith(":"))) break;
    if (FALL.has(word)) return "down";
    if (RISE.has(word)) return "up";
  }
  const heading = /(\S+):[^:]*$/.exec(text.slice(0, number.start))?.[1];
  if (heading && FALL.has(bare(heading))) return "down";
  if (heading && RISE.has(bare(heading))) return "up";
  const after = text.slice(number.end).split(" ").filter(Boolean);
  for (let i = 0; i < Math.min(after.length, WINDOW_AFTER); i++) {
    const raw = after[i] as string;
    const word = bare(raw);
    if (/\d/.test(word) || (STOPS.has(word) && !(word in AFTER_ONLY))) break;
    if (FALL.has(word)) return "down";
    if (RISE.has(word)) return "up";
    if (word in AFTER_ONLY) return AFTER_ONLY[word] as Direction;
    if (closesClause(raw)) break;
  }
  return null;
}

/** Fewest words a quote may have: a figure with enough of its sentence to find its place. */
export const MIN_QUOTE_WORDS = 3;

export function quoteWords(quote: string): number {
  return normaliseForQuote(quote).split(" ").filter((word) => /[A-Za-z0-9]/.test(word)).length;
}

type FigureColumn = "value" | "low" | "high";

export interface FigureMatch {
  column: FigureColumn;
  /** The printed number in the normalised quote that shows the figure. */
  number: PrintedNumber;
}

export interface FigureCheck {
  matches: FigureMatch[];
  problems: { column: FigureColumn | "quote"; message: string }[];
}

type CheckedClaim = Pick<Claim, "value" | "low" | "high" | "unit" | "quote">;

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const plain = (n: number) => String(Number(n.toPrecision(12)));

/**
 * Where a claim's value, low and high are printed in its quote, and what does not fit: a number
 * not printed (in a notation its unit allows, as the same amount), or a sign the words contradict.
 */
export function checkFigures(claim: CheckedClaim): FigureCheck {
  const text = normaliseForQuote(claim.quote);
  const result: FigureCheck = { matches: [], problems: [] };
  const words = quoteWords(claim.quote);
  if (words < MIN_QUOTE_WORDS) {
    result.problems.push({
      column: "quote",
      message: `quote "${claim.quote}" has ${words} word${words === 1 ? "" : "s"}; quote at least ${MIN_QUOTE_WORDS}, enough of the sentence to find its place in the article`,
    });
  }
  const notation = UNIT_NOTATION[claim.unit as Unit];
  if (!notation) return result;
  const numbers = printedNumbers(text);
  const candidates = numbers.filter((n) => notation.forms.includes(n.form));
  for (const column of ["value", "low", "high"] as const) {
    const figure = claim[column];
    if (figure === null) continue;
    const amount = Math.abs(figure) * notation.scale;
    const printed = candidates.filter((n) => same(n.magnitude, amount));
    const signOf = (n: PrintedNumber) => printedDirection(text, n);
    const fits = (n: PrintedNumber) => figure === 0 || (figure < 0 ? signOf(n) === "down" : signOf(n) !== "down");
    const match = printed.find(fits);
    if (match) {
      result.matches.push({ column, number: match });
      continue;
    }
    const shown = (n: PrintedNumber) => `"${text.slice(n.start, n.end)}"`;
    if (printed.length === 0) {
      const readings = candidates.map((n) => `${shown(n)} (${plain((n.sign ?? 1) * (n.magnitude / notation.scale))})`);
      result.problems.push({
        column,
        message: `${column} ${figure} is not printed in the quote "${claim.quote}"${readings.length > 0 ? `, which prints ${readings.join(", ")} in ${claim.unit}` : `, which prints no number in ${claim.unit} (e.g. ${notation.example})`}; write the figure as the quote prints it, or quote the phrase that prints ${plain(Math.abs(figure))}`,
      });
    } else if (figure < 0) {
      result.problems.push({
        column,
        message: `${column} ${figure} is negative but the quote prints ${shown(printed[0]!)} with no minus sign and no word of fall, loss or outflow governing it ("fell 13%", "outflows of $690 million", "a 14% drawdown"); quote the words that give the sign, or write ${plain(-figure)}`,
      });
    } else {
      result.problems.push({
        column,
        message: `${column} ${figure} is positive but the quote prints ${shown(printed[0]!)} as a fall (a minus sign, or a word such as fell, drop, loss or outflow); write ${plain(-figure)}: falls, outflows and losses are negative`,
      });
    }
  }
  return result;
}

/** Issues for every claim whose quote does not show its figures; columns as in the claims header. */
export function findFigureIssues(claims: readonly (CheckedClaim & Pick<Claim, "line">)[], claimsFile: string): LedgerIssue[] {
  return claims.flatMap((claim) =>
    checkFigures(claim).problems.map(({ column, message }) => ({
      file: claimsFile,
      line: claim.line,
      column: CLAIM_COLUMNS.indexOf(column) + 1,
      message,
    })),
  );
}
