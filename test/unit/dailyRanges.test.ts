import { describe, expect, test } from "vitest";
import { sessionsBetween, type DailyRangeRow } from "../../src/components/dailyRanges.ts";
import { publicRows } from "../../src/lib/public/load.ts";

describe("sessionsBetween", () => {
  const rows = publicRows("silver-yahoo-1d") as unknown as DailyRangeRow[];

  test("keeps the trading sessions inside the window, each placed at noon UTC of its day", () => {
    const sessions = sessionsBetween(rows, "2026-01-20", "2026-02-13");
    expect(sessions.map((s) => s.date)).toEqual(rows.filter((r) => r.date >= "2026-01-20" && r.date <= "2026-02-13").map((r) => r.date));
    // No session on weekends: Jan 31 and Feb 1 are absent, Jan 30 and Feb 2 present.
    expect(sessions.map((s) => s.date)).toEqual(expect.arrayContaining(["2026-01-30", "2026-02-02"]));
    expect(sessions.map((s) => s.date)).not.toContain("2026-01-31");
    expect(sessions.find((s) => s.date === "2026-02-05")!.time.toISOString()).toBe("2026-02-05T12:00:00.000Z");
  });

  test("leaves out a session without a full range", () => {
    const gap = { date: "2026-02-03", open: 1, high: null, low: 1, close: 1 };
    expect(sessionsBetween([gap], "2026-02-01", "2026-02-05")).toEqual([]);
  });
});
