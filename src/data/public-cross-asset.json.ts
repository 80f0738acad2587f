// Daily closes and % changes of BTC, ETH and ten markets, and six of them indexed to a base day (CrossAssetDataset).
import { crossAssetDataset } from "../lib/public/crossAsset.ts";

process.stdout.write(JSON.stringify(crossAssetDataset()));
