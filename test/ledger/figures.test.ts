// A figure must be printed in its own quote: the notations the articles use, the sign the words
// give, and the minimum length of a quote. Quotes here are phrases from the seed articles.
import { describe, expect, it } from "vitest";
import { checkFigures, findFigureIssues, printedDirection, printedNumbers } from "../../src/lib/ledger/figures.ts";
import { formatIssue } from "../../src/lib/ledger/errors.ts";
import { normaliseForQuote } from "../../src/lib/ledger/quotes.ts";
import type { Claim } from "../../src/lib/ledger/types.ts";

type Figure = Pick<Claim, "value" | "low" | "high" | "unit" | "quote">;
const figure = (quote: string, unit: string, value: number | null, more: Partial<Figure> = {}): Figure => ({ quote, unit, value, low: null, high: null, ...more });
const problems = (claim: Figure) => checkFigures(claim).problems.map(({ column, message }) => `${column}: ${message}`);

/** Each printed number as "text=signed magnitude form". */
function read(text: string): string[] {
  const normalised = normaliseForQuote(text);
  return printedNumbers(normalised).map((n) => `${normalised.slice(n.start, n.end)}=${n.sign === -1 ? "-" : ""}${n.magnitude} ${n.form}`);
}

describe("printedNumbers", () => {
  it("reads the notations the articles use", () => {
    expect(read("began trading around $73,100 on February 5")).toEqual(["$73,100=73100 currency", "5=5 plain"]);
    expect(read("Bitcoin rallies to $71.5K, dropping to $72k")).toEqual(["$71.5K=71500 currency", "$72k=72000 currency"]);
    expect(read("Derivatives volume surged 50% to $108B, one whale opening a $3M long")).toEqual(["50%=50 percent", "$108B=108000000000 currency", "$3M=3000000 currency"]);
    expect(read("over $1.26 billion per day, about $2.48 trillion")).toEqual(["$1.26 billion=1260000000 currency", "$2.48 trillion=2480000000000 currency"]);
    expect(read("527,850 BTC as of Friday")).toEqual(["527,850 BTC=527850 btc"]);
    expect(read("20x leverage, a cut of 50 basis points, 25 bps")).toEqual(["20x=20 multiple", "50 basis points=0.5 percent", "25 bps=0.25 percent"]);
    expect(read("the ratio holding below 1 at 0.958")).toEqual(["1=1 plain", "0.958=0.958 plain"]);
  });

  it("reads a minus sign, hyphen or typographic, only where it touches the number", () => {
    expect(read("Skew near −13%, Minimum -13%")).toEqual(["-13%=-13 percent", "-13%=-13 percent"]);
    expect(read("Another -$400 million to -$500 million day")).toEqual(["-$400 million=-400000000 currency", "-$500 million=-500000000 currency"]);
    expect(read("between $60,000-$50,000, not a 1-2 hour blip")).toEqual(["$60,000=60000 currency", "$50,000=50000 currency", "1=1 plain", "2 hour=2 duration"]);
    expect(read("February 4th – $544.9 million")).toEqual(["4th=4 ordinal", "$544.9 million=544900000 currency"]);
  });

  it("tells dates, durations and names from figures", () => {
    expect(read("within 30 days, the 7-day average, 24 hours")).toEqual(["30 days=30 duration", "7-day=7 duration", "24 hours=24 duration"]);
    expect(read("25D RR, the 25-delta risk reversal, 7D SMA, Chris Dixon of a16z")).toEqual(["25=25 other", "25=25 other", "7=7 other"]);
  });
});

describe("printedDirection", () => {
  const direction = (quote: string, nth = 0) => {
    const text = normaliseForQuote(quote);
    return printedDirection(text, printedNumbers(text)[nth]!);
  };

  it("takes the sign from a word that governs the number", () => {
    expect(direction("the dollar index fell 0.2%")).toBe("down");
    expect(direction("Silver fell as much as 18%")).toBe("down");
    expect(direction("monthly net outflows of $690 million")).toBe("down");
    expect(direction("a brutal 14% drawdown")).toBe("down");
    expect(direction("a 21% Bitcoin price drop over a week")).toBe("down");
    expect(direction("still 44% below its all-time high")).toBe("down");
    expect(direction("the Dow up 2.47%")).toBe("up");
    expect(direction("net outflow: February 4th – $544.9 million", 1)).toBe("down");
  });

  it("reads a level, not a move, after to, from, at, below or above", () => {
    expect(direction("fell to $62,600 by the close")).toBeNull();
    expect(direction("plummeted from $44.3 billion to $35.8 billion", 0)).toBeNull();
    expect(direction("expected to drop below $32 per petahash/second")).toBeNull();
    expect(direction("another drop towards $74k")).toBeNull();
    expect(direction("17% from the intraday low")).toBeNull();
  });

  it("does not reach past another number or the end of a clause", () => {
    expect(direction("gold rising 3.9% and silver 8.6%", 1)).toBeNull();
    expect(direction("prices fell, and gold 3.9%")).toBeNull();
  });
});

describe("checkFigures", () => {
  it("accepts every notation for the same amount in the row's unit", () => {
    expect(problems(figure("began trading around $73,100 on February 5", "usd", 73100))).toEqual([]);
    expect(problems(figure("Bitcoin rallies to $71.5K", "usd", 71500))).toEqual([]);
    expect(problems(figure("an intraday low near about $60K", "usd", 60000))).toEqual([]);
    expect(problems(figure("Open Interest fell to $50.9 billion", "usd_bn", 50.9))).toEqual([]);
    expect(problems(figure("surged 50% to $108B", "usd_bn", 108))).toEqual([]);
    expect(problems(figure("surged 50% to $108B", "usd_mn", 108000))).toEqual([]);
    expect(problems(figure("over 1.26 billion per day", "usd_bn", 1.26))).toEqual([]);
    expect(problems(figure("527,850 BTC as of Friday", "btc", 527850))).toEqual([]);
    expect(problems(figure("Minimum −13% (25D RR)", "vol_pts", -13))).toEqual([]);
    expect(problems(figure("the policy rate cut by 25 basis points", "pct", -0.25))).toEqual([]);
    expect(problems(figure("BTC long position with 20x leverage", "x_leverage", 20))).toEqual([]);
    expect(problems(figure("the ADX smoothed around 36", "index_points", 36))).toEqual([]);
  });

  it("checks both ends of a range and the one end of a bound", () => {
    expect(problems(figure("strike prices between $60,000 and $50,000", "usd", null, { low: 50000, high: 60000 }))).toEqual([]);
    expect(problems(figure("Another -$400 million to -$500 million day", "usd_mn", null, { low: -500, high: -400 }))).toEqual([]);
    expect(problems(figure("less than 0% funding, negative BTC funding", "pct", null, { high: 0 }))).toEqual([]);
    expect(problems(figure("strike prices between $60,000 and $50,000", "usd", null, { low: 55000, high: 60000 }))).toEqual([
      'low: low 55000 is not printed in the quote "strike prices between $60,000 and $50,000", which prints "$60,000" (60000), "$50,000" (50000) in usd; write the figure as the quote prints it, or quote the phrase that prints 55000',
    ]);
  });

  it("refuses a value its quote does not print, naming what the quote prints in the row's unit", () => {
    expect(problems(figure("fell to $62,600 by the close", "usd", 62000))).toEqual([
      'value: value 62000 is not printed in the quote "fell to $62,600 by the close", which prints "$62,600" (62600) in usd; write the figure as the quote prints it, or quote the phrase that prints 62000',
    ]);
    expect(problems(figure("Open Interest fell to $50.9 billion", "usd_mn", 50.9))[0]).toContain('prints "$50.9 billion" (50900) in usd_mn');
    expect(problems(figure("a 9% increase in 24 hours", "usd", 9))).toEqual([
      'value: value 9 is not printed in the quote "a 9% increase in 24 hours", which prints no number in usd (e.g. $73,100, $73.1K or 73,100); write the figure as the quote prints it, or quote the phrase that prints 9',
    ]);
  });

  it("never takes a date, a duration or a name for the figure", () => {
    expect(problems(figure("as of February 5th in 24 hours", "pct", 24))).toHaveLength(1);
    expect(problems(figure("as of February 5th in 24 hours", "ratio", 5))).toHaveLength(1);
    expect(problems(figure("the 25D risk reversal fell", "vol_pts", -25))).toHaveLength(1);
  });

  it("needs the sign a negative value has in the quote, and refuses a positive value the quote prints as a fall", () => {
    expect(problems(figure("declined by 13% this week", "pct", -13))).toEqual([]);
    expect(problems(figure("declined by 13% this week", "pct", 13))).toEqual([
      'value: value 13 is positive but the quote prints "13%" as a fall (a minus sign, or a word such as fell, drop, loss or outflow); write -13: falls, outflows and losses are negative',
    ]);
    expect(problems(figure("Short-term skew is low up to -13%", "vol_pts", 13))[0]).toContain('value 13 is positive but the quote prints "-13%" as a fall');
    expect(problems(figure("February 5th – $434.1 million", "usd_mn", -434.1))).toEqual([
      'value: value -434.1 is negative but the quote prints "$434.1 million" with no minus sign and no word of fall, loss or outflow governing it ("fell 13%", "outflows of $690 million", "a 14% drawdown"); quote the words that give the sign, or write 434.1',
    ]);
    expect(problems(figure("Open Interest fell to $50.9 billion", "usd_bn", -50.9))[0]).toContain("value -50.9 is negative");
    expect(problems(figure("the Dow up 2.47% on the day", "pct", -2.47))[0]).toContain("value -2.47 is negative");
  });

  it("needs at least three words in a quote, whatever its kind", () => {
    expect(problems(figure("rebounded", "", null))).toEqual([
      'quote: quote "rebounded" has 1 word; quote at least 3, enough of the sentence to find its place in the article',
    ]);
    expect(problems(figure("silver 8.6%", "pct", 8.6))).toEqual([
      'quote: quote "silver 8.6%" has 2 words; quote at least 3, enough of the sentence to find its place in the article',
    ]);
    expect(problems(figure("net outflow: February 4th – $544.9 million", "usd_mn", -544.9))).toEqual([]);
  });
});

describe("findFigureIssues", () => {
  it("reports each problem at its line and the column of value, low, high or quote", () => {
    const claims = [
      { ...figure("fell to $62,600 by the close", "usd", 62600), line: 3 },
      { ...figure("a 28% price drop", "pct", 28), line: 4 },
      { ...figure("rebounded", "usd", 71422), line: 9 },
    ];
    expect(findFigureIssues(claims, "data/claims.csv").map(formatIssue)).toEqual([
      'data/claims.csv:4:7: value 28 is positive but the quote prints "28%" as a fall (a minus sign, or a word such as fell, drop, loss or outflow); write -28: falls, outflows and losses are negative',
      'data/claims.csv:9:19: quote "rebounded" has 1 word; quote at least 3, enough of the sentence to find its place in the article',
      'data/claims.csv:9:7: value 71422 is not printed in the quote "rebounded", which prints no number in usd (e.g. $73,100, $73.1K or 73,100); write the figure as the quote prints it, or quote the phrase that prints 71422',
    ]);
  });
});
