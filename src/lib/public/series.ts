// The public datasets the site extracts, one entry per series: who measured it, which mirror
// repository and file it is read from, how that file is laid out, and what each extract
// column holds. `npm run import` reads an upstream file with this; loaders read the extract.

export interface ColumnSpec {
  /** Column name in the extract. */
  name: string;
  /** Column name in the upstream file. */
  from: string;
  unit: string;
  /** Multiplies the upstream value into `unit` (DVOL 0.5395 → 53.95 vol points). */
  scale?: number;
  /** Plausible range in `unit`: a value outside it means a wrong unit or a broken file. */
  min: number;
  max: number;
  /** An empty upstream cell is kept as an empty cell (a gap), not an error. */
  optional?: boolean;
}

export interface SeriesSpec {
  id: string;
  title: string;
  /** Who measured the data (exchange, index provider, data vendor). */
  upstream: string;
  /** The public repository the file is read from, its path there and its licence. */
  repo: string;
  path: string;
  licence: string;
  /** "1d": rows keyed by UTC (or trading-session) date; "1h": by the hour's start, UTC. */
  resolution: "1d" | "1h";
  /** Upstream column that holds the date or time. */
  timeFrom: string;
  /** Rows between the header and the data (yfinance writes "Ticker" and "Date" rows there). */
  skipAfterHeader?: number;
  /** Keep only upstream rows whose column equals the value (one ticker of a long table). */
  where?: { column: string; equals: string };
  /** open/high/low/close columns must satisfy low ≤ open, close ≤ high. */
  ohlc?: boolean;
  columns: ColumnSpec[];
}

const price = (min: number, max: number, unit = "usd"): ColumnSpec[] =>
  (["open", "high", "low", "close"] as const).map((name) => ({ name, from: name, unit, min, max }));

/** open/high/low/close(/volume) under capitalised upstream names (Yahoo exports). */
const capitalised = (columns: ColumnSpec[]): ColumnSpec[] =>
  columns.map((column) => ({ ...column, from: column.from[0]!.toUpperCase() + column.from.slice(1) }));

const YAHOO_MIRROR = { repo: "flippe2/blank-app", licence: "Apache-2.0 (repository); data from Yahoo Finance, no licence of its own" } as const;

/** A yfinance download: header "Price,Close,High,Low,Open,Volume", then "Ticker" and "Date" rows. */
function yfinance(id: string, title: string, ticker: string, min: number, max: number, unit = "usd"): SeriesSpec {
  return {
    id,
    title,
    upstream: `Yahoo Finance ${ticker}`,
    ...YAHOO_MIRROR,
    path: `data/${ticker}.csv`,
    resolution: "1d",
    timeFrom: "Price",
    skipAfterHeader: 2,
    ohlc: true,
    columns: capitalised(price(min, max, unit)),
  };
}

/** The TomasAlvaroBA case-study exports: "Date","Open","High","Low","Close","AdjClose","Volume". */
function caseStudy(id: string, title: string, ticker: string, file: string, min: number, max: number, unit = "usd"): SeriesSpec {
  return {
    id,
    title,
    upstream: `Yahoo Finance ${ticker}`,
    repo: "TomasAlvaroBA/btc-hormuz-case-study",
    path: `data/${file}`,
    licence: "none stated; data from Yahoo Finance",
    resolution: "1d",
    timeFrom: "Date",
    ohlc: true,
    columns: capitalised(price(min, max, unit)),
  };
}

/** An altcoin's daily reference price from Coin Metrics' community data (one file per asset). */
function coinMetricsPrice(asset: string, name: string, min: number, max: number): SeriesSpec {
  return {
    id: `${asset}-coinmetrics-1d`,
    title: `${name}, Coin Metrics daily reference price`,
    upstream: "Coin Metrics community network data",
    repo: "coinmetrics/data",
    path: `csv/${asset}.csv`,
    licence: "CC BY-NC 4.0 (Coin Metrics)",
    resolution: "1d",
    timeFrom: "time",
    columns: [{ name: "price_usd", from: "PriceUSD", unit: "usd", min, max, optional: true }],
  };
}

const BINANCE_MIRROR = { repo: "Marcdylann/btc-dip-prediction-thesis", licence: "none stated; data from Binance" } as const;

export const SERIES: readonly SeriesSpec[] = [
  {
    id: "btc-binance-1d",
    title: "Bitcoin, Binance BTCUSDT daily candles",
    upstream: "Binance BTCUSDT spot klines (UTC days)",
    ...BINANCE_MIRROR,
    path: "data/btc_daily.csv",
    resolution: "1d",
    timeFrom: "timestamp",
    ohlc: true,
    columns: [...price(1_000, 1_000_000, "usdt"), { name: "volume", from: "volume", unit: "btc", min: 0, max: 10_000_000 }],
  },
  {
    id: "eth-binance-1d",
    title: "Ether, Binance ETHUSDT daily candles",
    upstream: "Binance ETHUSDT spot klines (UTC days)",
    ...BINANCE_MIRROR,
    path: "data/eth_daily.csv",
    resolution: "1d",
    timeFrom: "timestamp",
    ohlc: true,
    columns: [...price(10, 100_000, "usdt"), { name: "volume", from: "volume", unit: "eth", min: 0, max: 1_000_000_000 }],
  },
  {
    id: "btc-yahoo-1h",
    title: "Bitcoin, Yahoo Finance BTC-USD hourly candles",
    upstream: "Yahoo Finance BTC-USD (hourly)",
    repo: "Marcdylann/btc-dip-prediction-thesis",
    path: "data/btc_hourly.csv",
    licence: "none stated; data from Yahoo Finance",
    resolution: "1h",
    timeFrom: "timestamp",
    ohlc: true,
    columns: [...price(1_000, 1_000_000), { name: "volume", from: "volume", unit: "usd", min: 0, max: 1e12 }],
  },
  {
    ...caseStudy("btc-yahoo-1d", "Bitcoin, Yahoo Finance BTC-USD daily candles", "BTC-USD", "btc.csv", 1_000, 1_000_000),
    columns: [...capitalised(price(1_000, 1_000_000)), { name: "volume", from: "Volume", unit: "usd", min: 0, max: 1e13 }],
  },
  caseStudy("sp500-yahoo-casestudy-1d", "S&P 500, Yahoo Finance ^GSPC (second mirror)", "^GSPC", "sp500.csv", 1_000, 20_000, "index_points"),
  caseStudy("gold-yahoo-casestudy-1d", "Gold futures, Yahoo Finance GC=F (second mirror)", "GC=F", "gold.csv", 500, 20_000),
  caseStudy("dxy-yahoo-casestudy-1d", "US dollar index, Yahoo Finance DX-Y.NYB (second mirror)", "DX-Y.NYB", "dxy.csv", 50, 200, "index_points"),
  yfinance("sp500-yahoo-1d", "S&P 500, Yahoo Finance ^GSPC", "^GSPC", 1_000, 20_000, "index_points"),
  yfinance("nasdaq-yahoo-1d", "Nasdaq Composite, Yahoo Finance ^IXIC", "^IXIC", 1_000, 60_000, "index_points"),
  yfinance("dow-yahoo-1d", "Dow Jones Industrial Average, Yahoo Finance ^DJI", "^DJI", 5_000, 150_000, "index_points"),
  yfinance("sox-yahoo-1d", "PHLX Semiconductor index, Yahoo Finance ^SOX", "^SOX", 500, 30_000, "index_points"),
  yfinance("gold-yahoo-1d", "Gold futures, Yahoo Finance GC=F", "GC=F", 500, 20_000),
  yfinance("silver-yahoo-1d", "Silver futures, Yahoo Finance SI=F", "SI=F", 5, 500),
  yfinance("dxy-yahoo-1d", "US dollar index, Yahoo Finance DX-Y.NYB", "DX-Y.NYB", 50, 200, "index_points"),
  yfinance("vix-yahoo-1d", "CBOE Volatility Index, Yahoo Finance ^VIX", "^VIX", 5, 150, "index_points"),
  yfinance("wti-yahoo-1d", "WTI crude futures, Yahoo Finance CL=F", "CL=F", 5, 300),
  yfinance("brent-yahoo-1d", "Brent crude futures, Yahoo Finance BZ=F", "BZ=F", 5, 300),
  {
    id: "vix-cboe-1d",
    title: "CBOE Volatility Index, daily (CBOE)",
    upstream: "Cboe Global Markets VIX history",
    repo: "datasets/finance-vix",
    path: "data/vix-daily.csv",
    licence: "PDDL-1.0",
    resolution: "1d",
    timeFrom: "DATE",
    ohlc: true,
    columns: price(5, 150, "index_points").map((column) => ({ ...column, from: column.from.toUpperCase() })),
  },
  {
    id: "wti-eia-1d",
    title: "WTI crude oil spot price, Cushing (EIA)",
    upstream: "US Energy Information Administration, WTI Cushing spot",
    repo: "datasets/oil-prices",
    path: "data/wti-daily.csv",
    licence: "PDDL-1.0 (data package); EIA data are public domain",
    resolution: "1d",
    timeFrom: "Date",
    columns: [{ name: "close", from: "Price", unit: "usd_per_barrel", min: 5, max: 300 }],
  },
  {
    id: "btc-coinbase-fred-1d",
    title: "Bitcoin, Coinbase BTC-USD daily close via FRED (CBBTCUSD)",
    upstream: "Coinbase via FRED, series CBBTCUSD",
    repo: "Mgadol/xau-data",
    path: "CBBTCUSD.csv",
    licence: "FRED terms of use; no licence stated by the mirror",
    resolution: "1d",
    timeFrom: "observation_date",
    columns: [{ name: "close", from: "CBBTCUSD", unit: "usd", min: 1_000, max: 1_000_000, optional: true }],
  },
  {
    id: "btc-coinmetrics-1d",
    title: "Bitcoin network and market data, Coin Metrics community data",
    upstream: "Coin Metrics community network data",
    repo: "coinmetrics/data",
    path: "csv/btc.csv",
    licence: "CC BY-NC 4.0 (Coin Metrics)",
    resolution: "1d",
    timeFrom: "time",
    columns: [
      { name: "price_usd", from: "PriceUSD", unit: "usd", min: 1_000, max: 1_000_000, optional: true },
      { name: "mvrv", from: "CapMVRVCur", unit: "ratio", min: 0.1, max: 10, optional: true },
      { name: "supply_btc", from: "SplyCur", unit: "btc", min: 19_000_000, max: 21_000_000, optional: true },
      { name: "hashrate_ehs", from: "HashRate", unit: "eh_per_s", scale: 1e-6, min: 100, max: 5_000, optional: true },
      { name: "issuance_btc", from: "IssTotNtv", unit: "btc", min: 0, max: 2_000, optional: true },
      { name: "fees_btc", from: "FeeTotNtv", unit: "btc", min: 0, max: 1_000, optional: true },
      { name: "blocks", from: "BlkCnt", unit: "blocks", min: 0, max: 400, optional: true },
      { name: "exchange_inflow_btc", from: "FlowInExNtv", unit: "btc", min: 0, max: 2_000_000, optional: true },
      { name: "exchange_outflow_btc", from: "FlowOutExNtv", unit: "btc", min: 0, max: 2_000_000, optional: true },
      { name: "exchange_supply_btc", from: "SplyExNtv", unit: "btc", min: 0, max: 21_000_000, optional: true },
    ],
  },
  coinMetricsPrice("xrp", "XRP", 0.01, 100),
  coinMetricsPrice("doge", "Dogecoin", 0.001, 10),
  coinMetricsPrice("bnb", "BNB", 10, 10_000),
  {
    id: "btc-dvol-1h",
    title: "Deribit DVOL, Bitcoin 30-day implied volatility index, hourly",
    upstream: "Deribit DVOL index (BTC)",
    repo: "LucasHonoratoDeSouza/btc-vrp-arbitrage",
    path: "data/extended/btc_dvol_1h_5y.csv",
    licence: "none stated; data from Deribit",
    resolution: "1h",
    timeFrom: "timestamp",
    columns: [{ name: "dvol", from: "iv", unit: "vol_pts", scale: 100, min: 5, max: 300 }],
  },
  {
    id: "btc-funding-1d",
    title: "Bitcoin perpetual funding rate, daily mean",
    upstream: "Perpetual futures funding; the repository's README lists Binance among its sources and does not name the venue per file",
    repo: "lukmol/gamlss-btc-VaR",
    path: "data/funding_rates.csv",
    licence: "MIT",
    resolution: "1d",
    timeFrom: "date",
    columns: [
      { name: "funding_rate", from: "funding_mean", unit: "fraction_per_8h", min: -0.01, max: 0.01 },
      { name: "funding_rate_abs", from: "funding_abs", unit: "fraction_per_8h", min: 0, max: 0.01 },
    ],
  },
  {
    id: "btc-hashrate-1d",
    title: "Bitcoin network hash rate, daily estimate",
    upstream: "Network hash rate estimate; the repository's README does not name the provider per file",
    repo: "lukmol/gamlss-btc-VaR",
    path: "data/hashrate.csv",
    licence: "MIT",
    resolution: "1d",
    timeFrom: "date",
    columns: [{ name: "hashrate_ehs", from: "hashrate", unit: "eh_per_s", scale: 1e-6, min: 100, max: 5_000 }],
  },
  {
    id: "btc-difficulty-1d",
    title: "Bitcoin mining difficulty, daily",
    upstream: "Network difficulty; the repository's README does not name the provider per file",
    repo: "lukmol/gamlss-btc-VaR",
    path: "data/difficulty.csv",
    licence: "MIT",
    resolution: "1d",
    timeFrom: "date",
    columns: [{ name: "difficulty", from: "difficulty", unit: "difficulty", min: 1e13, max: 1e15 }],
  },
  {
    id: "btc-fees-1d",
    title: "Bitcoin transaction fees and activity, daily (Coin Metrics)",
    upstream: "Coin Metrics community network data",
    repo: "lukmol/gamlss-btc-VaR",
    path: "data/coinmetrics.csv",
    licence: "MIT (repository); Coin Metrics data CC BY-NC 4.0",
    resolution: "1d",
    timeFrom: "date",
    columns: [
      { name: "fees_btc", from: "fees_btc", unit: "btc", min: 0, max: 1_000 },
      { name: "tx_count", from: "tx_count", unit: "transactions", min: 0, max: 5_000_000 },
      { name: "active_addresses", from: "active_addresses", unit: "addresses", min: 0, max: 10_000_000 },
    ],
  },
  {
    id: "fear-greed-1d",
    title: "Crypto Fear & Greed Index (Alternative.me), daily",
    upstream: "Alternative.me Crypto Fear & Greed Index",
    repo: "lukmol/gamlss-btc-VaR",
    path: "data/fear_greed.csv",
    licence: "MIT",
    resolution: "1d",
    timeFrom: "date",
    columns: [{ name: "fear_greed", from: "fng", unit: "index_0_100", min: 0, max: 100 }],
  },
  {
    id: "ibit-flow-estimate-1d",
    title: "iShares Bitcoin Trust (IBIT) daily net flow, estimated from shares outstanding",
    upstream: "Estimate from iShares shares-outstanding data by the mirror's collector",
    repo: "isaergun/etf-flows-data",
    path: "data/etf_flows.csv",
    licence: "none stated",
    resolution: "1d",
    timeFrom: "date",
    where: { column: "ticker", equals: "IBIT" },
    columns: [{ name: "flow_usd_estimate", from: "flow_usd", unit: "usd", min: -1e10, max: 1e10, optional: true }],
  },
];

export function seriesById(id: string): SeriesSpec {
  const spec = SERIES.find((series) => series.id === id);
  if (!spec) throw new Error(`unknown series "${id}"; known series: ${SERIES.map((series) => series.id).join(", ")}`);
  return spec;
}

/** The extract's header: the time column, then the series' columns. */
export function extractHeader(spec: SeriesSpec): string[] {
  return [spec.resolution === "1d" ? "date" : "time", ...spec.columns.map((column) => column.name)];
}
