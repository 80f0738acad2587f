// Vitest's global setup: the components import Plot from the bundle scripts/plotBundle.ts builds,
// so a mark just added to src/components/plot/used.ts is in it before any test runs.
import { writePlotBundle } from "../../scripts/plotBundle.ts";

export async function setup(): Promise<void> {
  await writePlotBundle();
}
