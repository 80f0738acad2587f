export interface HashpriceInputs {
  blocksPerDay: number;
  /** Subsidy plus fees per block, in BTC. */
  rewardPerBlockBtc: number;
  priceUsd: number;
  /** Network hashrate in hashes per second. */
  hashrateHs: number;
}

const HASHES_PER_PETAHASH = 1e15;

/** Expected USD revenue per PH/s per day = blocks/day × (subsidy + fees) × price / hashrate in PH/s. */
export function hashprice({ blocksPerDay, rewardPerBlockBtc, priceUsd, hashrateHs }: HashpriceInputs): number {
  if (!(hashrateHs > 0)) throw new RangeError(`hashprice needs a positive hashrate (got ${hashrateHs})`);
  return (blocksPerDay * rewardPerBlockBtc * priceUsd) / (hashrateHs / HASHES_PER_PETAHASH);
}
