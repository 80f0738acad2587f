// What a chart embeddable by name declares: the data it loads, its options and how it draws
// them. Browser-safe; the DOM is touched only when a chart is drawn.
import type { CitedClaim, Conflict } from "../../lib/ledger/types.js";
import type { FactCheckRow, FactCheckSkip } from "../../lib/metrics/factCheck.js";
import type { Rr25Row } from "../../lib/metrics/rr25.js";
import type { AgreementDataset } from "../../lib/public/agreementDataset.js";
import type { CrossAssetDataset } from "../../lib/public/crossAssetRows.js";
import type { PublicDataset } from "../../lib/public/dataset.js";
import type { EpisodesDataset } from "../../lib/public/episodes.js";
import type { OnchainDataset } from "../../lib/public/onchain.js";
import type { PublicVolatility } from "../../lib/public/volatility.js";
import type { BasisRow, PriceRow } from "../../lib/snapshot/rows.js";
import type { MarketDataset } from "../chartFigure.js";
import type { VolumeProfileDataset } from "../clusterVsPrice.js";
import type { DailyRangeRow } from "../dailyRanges.js";
import type { FearGreedRow } from "../fearGreed.js";
import type { IbitFlowRow } from "../ibitFlowEstimate.js";
import type { MiningDataset } from "../miningSeries.js";
import type { SignalTurnsData } from "../signalTurns.js";
import { ChartEmbedError, OptionProblem, type EmbedOption } from "./options.js";

/** Every file a chart can draw from, by the name chartEmbed loads it under (src/data/<file>.json). */
export interface EmbedData {
  claims: CitedClaim[];
  conflicts: Conflict[];
  price: MarketDataset<PriceRow>;
  volumeProfile: VolumeProfileDataset;
  optionsSkew: MarketDataset<Rr25Row>;
  basis: MarketDataset<BasisRow>;
  mining: MiningDataset;
  factCheck: MarketDataset<FactCheckRow> & { skipped: FactCheckSkip[] };
  crossAsset: CrossAssetDataset;
  silver: PublicDataset<DailyRangeRow>;
  fearGreed: PublicDataset<FearGreedRow>;
  onchain: OnchainDataset;
  volatility: PublicVolatility;
  ibitFlow: PublicDataset<IbitFlowRow>;
  episodes: EpisodesDataset;
  signalTurns: SignalTurnsData;
  agreement: AgreementDataset;
}

export type DataKey = keyof EmbedData;

/** The file under src/data/ each key is loaded from (chartEmbed.ts names each in a FileAttachment). */
export const DATA_FILES: { readonly [Key in DataKey]: string } = {
  claims: "claims.json",
  conflicts: "conflicts.json",
  price: "market-price.json",
  volumeProfile: "market-volume-profile.json",
  optionsSkew: "market-options-skew.json",
  basis: "market-basis.json",
  mining: "market-mining.json",
  factCheck: "market-fact-check.json",
  crossAsset: "public-cross-asset.json",
  silver: "public-silver.json",
  fearGreed: "public-fear-greed.json",
  onchain: "public-btc-onchain.json",
  volatility: "public-volatility.json",
  ibitFlow: "public-ibit-flow.json",
  episodes: "public-episodes.json",
  signalTurns: "signal-turns.json",
  agreement: "public-agreement.json"
};

type OptionValues<Options> = { [K in keyof Options]: Options[K] extends EmbedOption<never, infer T> ? T : never };

export interface ChartDefinition<Key extends DataKey, Options extends Record<string, EmbedOption<Pick<EmbedData, Key>, unknown>>> {
  /** One line for the docs: what the chart draws. */
  about: string;
  /** The pages that draw it, as site paths ("flows", "/" for the overview); none for a chart drawn only in notes. */
  pages: readonly string[];
  options: Options;
  /** Options the docs, the pictures and the browser test embed it with: at least one where it has any. */
  example: { [K in keyof Options]?: unknown };
  /** Tables and lists keep their own width; charts redraw at the width of the page. */
  fixedWidth?: true;
  /** Accepts the claims-and-ids form `chartEmbed(name, claims, ids, { width })` as well. */
  claimsForm?: true;
  draw(data: Pick<EmbedData, Key>, options: OptionValues<Options>, width: number): HTMLElement;
}

/** A chart with its types erased, as the registry holds it. */
export interface ChartEmbedSpec {
  about: string;
  pages: readonly string[];
  needs: readonly DataKey[];
  /** The docs line of each option, by name. */
  optionDocs: Record<string, string>;
  example: Record<string, unknown>;
  fixedWidth: boolean;
  claimsForm: boolean;
  /** Reads and checks the options against the data; returns the drawing, by width. Throws ChartEmbedError. */
  prepare(chart: string, data: Partial<EmbedData>, options: unknown): (width: number) => HTMLElement;
}

const listed = (names: readonly string[]) => (names.length > 0 ? names.join(", ") : "none");

/** The message for an option's problem: `chartEmbed("pricePath"): option "range" has ...; use ...`. */
export function optionError(chart: string, option: string, problem: OptionProblem): ChartEmbedError {
  return new ChartEmbedError(`chartEmbed("${chart}"): option "${problem.option ?? option}" ${problem.message}`);
}

function readOptions(chart: string, specs: Record<string, EmbedOption<never, unknown>>, example: Record<string, unknown>, data: unknown, given: unknown): Record<string, unknown> {
  const names = Object.keys(specs);
  if (given === undefined) given = {};
  if (typeof given !== "object" || given === null || Array.isArray(given)) {
    throw new ChartEmbedError(`chartEmbed("${chart}"): the options must be an object such as ${JSON.stringify(example)}${names.length === 0 ? ", or none: this chart takes none" : ""}`);
  }
  const unknown = Object.keys(given).find((name) => !names.includes(name));
  if (unknown !== undefined) throw new ChartEmbedError(`chartEmbed("${chart}"): no option "${unknown}"; its options are ${listed(names)}`);
  const values: Record<string, unknown> = {};
  for (const name of names) {
    try {
      values[name] = specs[name]!.read((given as Record<string, unknown>)[name], data as never);
    } catch (error) {
      throw error instanceof OptionProblem ? optionError(chart, name, error) : error;
    }
  }
  return values;
}

/**
 * `defineChart(["claims", "price"])({ ... })`: the files first, so that the options are typed
 * against exactly the data they are read with.
 */
export function defineChart<Key extends DataKey>(needs: readonly Key[]) {
  return <Options extends Record<string, EmbedOption<Pick<EmbedData, Key>, unknown>>>(definition: Omit<ChartDefinition<Key, Options>, "needs">): ChartEmbedSpec => {
    const specs = definition.options as unknown as Record<string, EmbedOption<never, unknown>>;
    const example = definition.example as Record<string, unknown>;
    return {
      about: definition.about,
      pages: definition.pages,
      needs,
      optionDocs: Object.fromEntries(Object.entries(specs).map(([name, option]) => [name, option.doc])),
      example,
      fixedWidth: definition.fixedWidth === true,
      claimsForm: definition.claimsForm === true,
      prepare(chart, data, given) {
        const missing = needs.find((key) => data[key] === undefined);
        if (missing) throw new ChartEmbedError(`chartEmbed("${chart}"): the ${missing} data were not loaded`);
        const options = readOptions(chart, specs, example, data, given) as OptionValues<Options>;
        return (width) => {
          try {
            return definition.draw(data as Pick<EmbedData, Key>, options, width);
          } catch (error) {
            if (error instanceof OptionProblem) throw optionError(chart, "", error);
            throw new ChartEmbedError(`chartEmbed("${chart}") could not draw with ${JSON.stringify(given ?? {})}: ${(error as Error).message}`);
          }
        };
      }
    };
  };
}
