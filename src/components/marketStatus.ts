import type { MarketDataset } from "./chartFigure.js";

/**
 * One plain note per page on the captured market series it uses: which are in this
 * snapshot, in which mode and as of when; or that none is captured, so the charts
 * show the figures as reported.
 */
export function marketStatus(datasets: readonly MarketDataset<object>[]): HTMLElement {
  const note = document.createElement("p");
  note.className = "market-status";
  const captured = datasets.filter((dataset) => dataset.mode !== "absent");
  if (captured.length === 0) {
    note.textContent =
      "Market series are not captured in this snapshot, so the charts that would overlay them show the figures as the articles reported them. See Methodology for how a snapshot is captured.";
    return note;
  }
  const described = datasets.map((dataset) =>
    dataset.mode === "absent"
      ? `${dataset.dataset}: not captured`
      : `${dataset.dataset}: ${dataset.mode}, fetched ${dataset.asOf?.slice(0, 16).replace("T", " ")} UTC`
  );
  note.textContent = `Market series on this page: ${described.join("; ")}. Reported figures and computed series are drawn side by side.`;
  return note;
}
