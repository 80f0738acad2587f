import { describe, expect, test } from "vitest";
import { crossAssetDataset } from "../../src/lib/public/crossAsset.ts";
import { COIN_METRICS_ATTRIBUTION } from "../../src/lib/public/attribution.ts";
import { dataCredit, endpointCredits, publicSeriesCredits } from "../../src/lib/public/credits.ts";
import { PUBLIC_BUILDERS } from "../../src/lib/public/datasets.ts";
import { publicSource } from "../../src/lib/public/load.ts";
import { publicDir } from "../../src/lib/public/store.ts";

describe("chart data credits in words", () => {
  test("the fifteen cross-asset series read as three providers and three repositories, each series behind the disclosure", () => {
    const { sources } = crossAssetDataset();
    const credit = dataCredit(publicSeriesCredits(sources), { use: "computed" });
    expect(credit.summary).toBe(
      "Market series computed from Binance (2 series), Coin Metrics (3 series) and Yahoo Finance (10 series), read from three public repositories at fixed commits."
    );
    expect(credit.details).toHaveLength(sources.length);
    for (const source of sources) {
      const [repository, commitAndPath] = source.mirror.split("@") as [string, string];
      const [commit, path] = commitAndPath.split(/:(.*)/) as [string, string];
      expect(credit.details, source.series).toContain(`${source.title}: ${path} in ${repository} at commit ${commit} (licence: ${source.licence})`);
    }
    expect(credit.attributions).toEqual([COIN_METRICS_ATTRIBUTION]);
  });

  test("one series from one repository; no licence attribution owed when Coin Metrics is not among them", () => {
    const credit = dataCredit(publicSeriesCredits([publicSource("silver-yahoo-1d")]), { use: "drawn" });
    expect(credit.summary).toBe("Market series drawn from Yahoo Finance, read from a public repository at a fixed commit.");
    expect(credit.attributions).toEqual([]);
  });

  test("a series whose mirror names no provider says so", () => {
    expect(publicSeriesCredits([publicSource("btc-difficulty-1d")])[0]!.provider).toBe("bitcoin mining difficulty, daily (provider not named by its mirror)");
  });

  test("the mining dataset's endpoints, from the public fallback and from an API capture", () => {
    const mining = PUBLIC_BUILDERS.mining(publicDir());
    const fromExtracts = dataCredit(endpointCredits(mining.uses), { use: "computed" });
    expect(fromExtracts.summary).toBe("Market series computed from Coin Metrics and network difficulty (provider not named by its mirror), read from two public repositories at fixed commits.");
    expect(fromExtracts.attributions).toEqual([COIN_METRICS_ATTRIBUTION]);
    const captured = dataCredit(endpointCredits([{ source: "mempool", endpoint: "v1/mining/hashrate/3m" }]), { use: "computed", captured: "captured from the APIs on 2026-03-02" });
    expect(captured.summary).toBe("Market series computed from mempool.space, captured from the APIs on 2026-03-02.");
  });
});
