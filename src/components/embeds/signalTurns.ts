import { signalTurns } from "../signalTurns.js";
import { flag, someOf } from "./options.js";
import { defineChart } from "./spec.js";

export const signalTurnsEmbed = defineChart(["signalTurns", "claims"])({
  about: "Which of the scorecard's six signals turned after the crash: a verdict per signal, its reading at the crash and the later evidence with sources.",
  pages: ["/", "scorecard"],
  fixedWidth: true,
  options: {
    signals: someOf('which signals: `"funding"`, `"skew"`, `"open-interest"`, `"etf-flows"`, `"realized-loss"`, `"hashprice"`; default all six.', (data: { signalTurns: { lines: readonly { bucket: string }[] } }) => data.signalTurns.lines.map((line) => line.bucket)),
    expanded: flag("`true` shows each signal's evidence open; default `false`, behind a disclosure, as on the Overview.", false)
  },
  example: { signals: ["funding", "skew"], expanded: true },
  draw({ signalTurns: data, claims }, { signals, expanded }) {
    return signalTurns({ ...data, lines: data.lines.filter((line) => signals.includes(line.bucket)) }, claims, { expanded });
  }
});
