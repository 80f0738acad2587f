import { fearGreed } from "../fearGreed.js";
import { shortUtcDate } from "../reportedBound.js";
import { dayRange, daysOf, events, OptionProblem } from "./options.js";
import { defineChart } from "./spec.js";

export const fearGreedEmbed = defineChart(["fearGreed"])({
  about: "The Crypto Fear & Greed Index day by day on its 0 to 100 scale, with extreme fear shaded and marked days.",
  pages: ["macro", "/"],
  options: {
    range: dayRange('`["YYYY-MM-DD", "YYYY-MM-DD"]`, the first and last day drawn; default every day of the extract, as on Macro.', (data) => daysOf(data.fearGreed.rows), "all"),
    events: events('`[{ date: "YYYY-MM-DD", label: "words" }]`, days marked with a dashed line; default Feb 6, "Feb 6 reversal".', (data) => daysOf(data.fearGreed.rows), [
      { date: "2026-02-06", label: `${shortUtcDate("2026-02-06")} reversal` }
    ])
  },
  example: { range: ["2026-01-01", "2026-02-13"], events: [{ date: "2026-02-06", label: "Feb 6 low" }] },
  draw({ fearGreed: index }, { range, events: marked }, width) {
    const outside = marked.find((event) => event.date < range.from || event.date > range.to);
    if (outside) throw new OptionProblem(`marks ${outside.date}, outside the range drawn`, `widen "range" to take in ${outside.date}, or leave the day out`, "events");
    return fearGreed({ ...index, rows: index.rows.filter((row) => row.date >= range.from && row.date <= range.to) }, { width, events: marked });
  }
});
