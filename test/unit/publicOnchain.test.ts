import { COIN_METRICS_ATTRIBUTION, requiredAttributions } from "../../src/lib/public/attribution.ts";
import { describe, expect, test } from "vitest";
import { onchainDataset, onchainRows } from "../../src/lib/public/onchain.ts";

describe("onchainRows", () => {
  test("realized price and exchange net flow on a hand-worked row", () => {
    // Coin Metrics, 2026-02-05: PriceUSD 63494.6884456458, CapMVRVCur 1.14979514732887
    // → realized price 63494.69 / 1.149795 = $55,222.61;
    // FlowInExNtv 74564.45097261 − FlowOutExNtv 70966.91396732 = +3,597.54 BTC (net deposits).
    const [row] = onchainRows([
      {
        date: "2026-02-05",
        price_usd: 63494.6884456458,
        mvrv: 1.14979514732887,
        exchange_inflow_btc: 74564.45097261,
        exchange_outflow_btc: 70966.91396732,
        exchange_supply_btc: 2693585.64728289
      }
    ]);
    expect(row!.realized_price_usd).toBeCloseTo(55222.61, 2);
    expect(row!.exchange_net_flow_btc).toBeCloseTo(3597.537, 3);
    expect(row!.exchange_supply_btc).toBe(2693585.64728289);
  });

  test("a missing input leaves the derived value empty", () => {
    const [row] = onchainRows([{ date: "2026-02-23", price_usd: null, mvrv: null, exchange_inflow_btc: 10, exchange_outflow_btc: null, exchange_supply_btc: null }]);
    expect(row).toEqual({ date: "2026-02-23", price_usd: null, mvrv: null, realized_price_usd: null, exchange_net_flow_btc: null, exchange_supply_btc: null });
  });

  test("the committed extract gives the same row, credited with Coin Metrics' attribution", () => {
    const dataset = onchainDataset();
    expect(requiredAttributions([dataset.source.upstream])).toEqual([COIN_METRICS_ATTRIBUTION]);
    expect(dataset.source.mirror).toMatch(/^coinmetrics\/data@[0-9a-f]{40}:csv\/btc\.csv$/);
    const feb5 = dataset.rows.find((row) => row.date === "2026-02-05")!;
    expect(feb5.realized_price_usd).toBeCloseTo(55222.61, 2);
    expect(feb5.exchange_net_flow_btc).toBeCloseTo(3597.537, 3);
  });
});
