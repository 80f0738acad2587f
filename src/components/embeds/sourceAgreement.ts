import type { AgreementDataset } from "../../lib/public/agreementDataset.js";
import { comparedDays, sourceAgreement } from "../sourceAgreement.js";
import { dayRange, daysOf, oneOf, OptionProblem } from "./options.js";
import { defineChart } from "./spec.js";

const groupOf = (agreement: AgreementDataset, id: string) => agreement.groups.find((group) => group.id === id)!;

export const sourceAgreementEmbed = defineChart(["agreement"])({
  about: "How far apart independent sources of one daily close are each UTC day, against the threshold above which a day needs a note.",
  pages: ["methodology"],
  options: {
    group: oneOf('which quantity\'s sources: `"btc"` (Bitcoin\'s daily close), `"sp500"`, `"gold"`, `"dxy"`, `"vix"`, `"wti"`; default `"btc"`.', (data: { agreement: AgreementDataset }) => data.agreement.groups.map((group) => group.id), "btc"),
    range: dayRange('`["YYYY-MM-DD", "YYYY-MM-DD"]`, the first and last UTC day drawn; default every day compared.', (data) => daysOf(data.agreement.groups.flatMap((group) => group.rows)), "all")
  },
  example: { range: ["2026-01-15", "2026-02-28"] },
  draw({ agreement }, { group, range }, width) {
    const groups = agreement.groups.map((candidate) => (candidate.id === group ? { ...candidate, rows: candidate.rows.filter((row) => row.date >= range.from && row.date <= range.to) } : candidate));
    if (comparedDays(groupOf({ ...agreement, groups }, group)).length === 0) throw new OptionProblem(`holds no day with two sources of the ${group} group`, "widen it", "range");
    return sourceAgreement({ ...agreement, groups }, { width, group });
  }
});
