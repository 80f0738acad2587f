import { claimDate } from "../lib/claims.js";
import type { CitedClaim } from "../lib/ledger/types.js";
import { claimAttribution } from "./chartFigure.js";
import { citedFigure } from "./citedFigure.js";

export interface KeyReading {
  label: string;
  /** One or more claims for the same reading; where sources differ, each is shown. */
  claims: CitedClaim[];
  /** Why the figures differ, or what the reading means; from the conflicts file where one applies. */
  note?: string;
}

/** A grid of cards, one per key reading, each figure with its date and source. */
export function keyReadings(readings: readonly KeyReading[]): HTMLElement {
  const grid = document.createElement("div");
  grid.className = "grid grid-cols-4 key-readings";
  for (const reading of readings) {
    const card = document.createElement("div");
    card.className = "card";
    const label = document.createElement("h2");
    label.textContent = reading.label;
    card.append(label);
    for (const claim of reading.claims) {
      const value = document.createElement("div");
      value.className = "big";
      value.append(citedFigure(claim));
      const source = document.createElement("div");
      source.className = "key-reading-source";
      const line = `${claimAttribution(claim)}, ${claimDate(claim)}`;
      source.textContent = line[0]!.toUpperCase() + line.slice(1);
      card.append(value, source);
    }
    if (reading.note) {
      const note = document.createElement("p");
      note.className = "key-reading-note";
      note.textContent = reading.note;
      card.append(note);
    }
    grid.append(card);
  }
  return grid;
}
