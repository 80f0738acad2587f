// The files chartEmbed loads (src/data/*.json), made in Node by the same calls as their loaders
// and passed through JSON as the browser receives them, so unit tests can read options against real data.
import type { EmbedData } from "../../src/components/embeds/spec.ts";
import { loadLedger } from "../../src/lib/ledger/load.ts";
import { factCheckSkipped, type FactCheckRow } from "../../src/lib/metrics/factCheck.ts";
import { agreementDataset } from "../../src/lib/public/agreementDataset.ts";
import { crossAssetDataset } from "../../src/lib/public/crossAsset.ts";
import { publicDataset } from "../../src/lib/public/dataset.ts";
import { episodesDataset } from "../../src/lib/public/episodes.ts";
import { onchainDataset } from "../../src/lib/public/onchain.ts";
import { publicVolatility } from "../../src/lib/public/volatility.ts";
import { loadSignalTurns } from "../../src/lib/scorecardData.ts";
import { datasetOutput } from "../../src/lib/snapshot/loader.ts";

export async function embedDataInNode(): Promise<EmbedData> {
  const { claims, conflicts } = loadLedger();
  const factCheck = await datasetOutput("fact-check", { claims: () => claims });
  const data = {
    claims,
    conflicts,
    price: await datasetOutput("price"),
    volumeProfile: await datasetOutput("volume-profile"),
    optionsSkew: await datasetOutput("options-skew"),
    basis: await datasetOutput("basis"),
    mining: await datasetOutput("mining"),
    factCheck: { ...factCheck, skipped: factCheckSkipped(claims, factCheck.rows as FactCheckRow[]) },
    crossAsset: crossAssetDataset(),
    silver: publicDataset("silver-yahoo-1d"),
    fearGreed: publicDataset("fear-greed-1d"),
    onchain: onchainDataset(),
    volatility: publicVolatility(),
    ibitFlow: publicDataset("ibit-flow-estimate-1d"),
    episodes: episodesDataset(),
    signalTurns: loadSignalTurns(),
    agreement: agreementDataset()
  } satisfies { [Key in keyof EmbedData]: unknown };
  return JSON.parse(JSON.stringify(data)) as EmbedData;
}
