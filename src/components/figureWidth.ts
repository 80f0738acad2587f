/** Framework's stylesheet caps a figure at 640px; a chart drawn wider is scaled down, text and all. */
export const FIGURE_MAX_WIDTH = 640;

/** The width to draw a chart at inside a report figure: the container's, up to the figure's cap. */
export function figureWidth(containerWidth: number): number {
  return Math.min(containerWidth, FIGURE_MAX_WIDTH);
}
