// Draws every embeddable chart with its example options and saves a picture of each for
// docs/authoring.md, then rewrites that file's "Charts you can embed" section from the registry.
// Works in a throwaway copy of the project with a note embedding every chart; src/ is not touched.
//   npm run chart-pictures                 the pictures and the section
//   npm run chart-pictures -- --docs-only  the section alone
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { EMBEDDABLE_CHART_NAMES } from "../src/lib/chartNames.ts";
import { EVERY_EXAMPLE, embedNote } from "../test/support/embedNote.ts";
import { makeTempProject, projectRoot } from "../test/support/tempProject.ts";
import { CATALOGUE_HEADING, chartCatalogue, pictureFile } from "./chartCatalogue.ts";
import { launchChromium } from "./chromium.ts";
import { serveSite } from "./staticSite.ts";

// A viewport whose main column is 640 px wide, with the sidebar closed.
const VIEWPORT = { width: 704, height: 900 };
const docs = join(projectRoot, "docs");

async function drawPictures(): Promise<void> {
  const project = makeTempProject();
  try {
    writeFileSync(join(project.dir, "src/commentary/every-chart.md"), embedNote("Every chart, embedded by name", EVERY_EXAMPLE));
    console.log("building a copy of the project with a note embedding every chart…");
    await project.build();
    const site = await serveSite(join(project.dir, "dist"));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: VIEWPORT, colorScheme: "light" });
      await page.goto(new URL("commentary/every-chart", site.url).href, { waitUntil: "networkidle" });
      await page.waitForFunction(() => !document.querySelector("observablehq-loading"));
      const errors = await page.$$eval(".observablehq--error", (cells) => cells.map((cell) => cell.textContent));
      if (errors.length > 0) throw new Error(`the note has error cells:\n${errors.join("\n")}`);
      mkdirSync(join(docs, "images/charts"), { recursive: true });
      for (const chart of EMBEDDABLE_CHART_NAMES) {
        const embed = page.locator(`[data-chart-embed="${chart}"]`);
        await embed.scrollIntoViewIfNeeded();
        await embed.screenshot({ path: join(docs, pictureFile(chart)), animations: "disabled" });
        const { width, height } = (await embed.boundingBox())!;
        console.log(`docs/${pictureFile(chart)} (${Math.round(width)} × ${Math.round(height)} px)`);
      }
    } finally {
      await browser.close();
      await site.close();
    }
  } finally {
    project.remove();
  }
}

if (!process.argv.includes("--docs-only")) await drawPictures();
const authoring = join(docs, "authoring.md");
const text = readFileSync(authoring, "utf8");
const at = text.indexOf(CATALOGUE_HEADING);
writeFileSync(authoring, `${(at < 0 ? text : text.slice(0, at)).trimEnd()}\n\n${chartCatalogue()}`);
console.log(`docs/authoring.md: ${CATALOGUE_HEADING.slice(3)} rewritten`);
