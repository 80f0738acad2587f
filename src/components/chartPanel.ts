/** One titled panel of a figure that stacks several plots on the same days. */
export function chartPanel(title: string, chart: Element): HTMLElement {
  const box = document.createElement("div");
  const heading = document.createElement("div");
  heading.textContent = title;
  heading.style.font = "600 13px/1.4 var(--sans-serif)";
  box.append(heading, chart);
  return box;
}
