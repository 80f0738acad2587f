// What the open-interest charts and the Liquidations page share: the report that counts open interest in coins.

/** The one report that counts open interest in coins as well: its dollar values a week apart and its coin count. */
export const OPEN_INTEREST_IN_COINS = ["btc-open-interest-notional-prior-week-rally-71k", "btc-open-interest-notional-rally-71k", "btc-open-interest-btc-rally-71k"];
