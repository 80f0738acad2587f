// The October 2025 crash, the November 2025 low and the February 2026 low measured from the daily BTC series, with DVOL and funding at each low (EpisodesDataset).
import { episodesDataset } from "../lib/public/episodes.ts";

process.stdout.write(JSON.stringify(episodesDataset()));
