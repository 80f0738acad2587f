import { describe, expect, test } from "vitest";
import { siteBase, siteUrl } from "../../src/lib/siteBase.ts";

describe("siteBase", () => {
  test("is the domain's root when REPORT_BASE is unset or empty", () => {
    expect(siteBase(undefined)).toBe("/");
    expect(siteBase("")).toBe("/");
    expect(siteBase("/")).toBe("/");
  });

  test("is the sub-path, with one slash at each end", () => {
    expect(siteBase("/reports/btc-feb-2026/")).toBe("/reports/btc-feb-2026/");
    expect(siteBase("/btc-feb-2026")).toBe("/btc-feb-2026/");
    expect(siteBase("/reports//btc_feb.2026~1")).toBe("/reports/btc_feb.2026~1/");
  });

  test.each(["reports/btc", "https://example.org/reports/", "/reports/../btc", "/reports/btc feb", "/reports/btc?x=1", "/reports/#top"])(
    "rejects %s, naming the variable, the value and an example",
    (value) => {
      expect(() => siteBase(value)).toThrow(`REPORT_BASE="${value}": the sub-path the site is published under must start with "/"`);
      expect(() => siteBase(value)).toThrow("for example REPORT_BASE=/reports/btc-feb-2026/");
    }
  );
});

describe("siteUrl", () => {
  test("is null when REPORT_SITE_URL is unset or empty", () => {
    expect(siteUrl(undefined)).toBeNull();
    expect(siteUrl("")).toBeNull();
  });

  test("is the address, ending in one slash", () => {
    expect(siteUrl("https://example.org/reports/btc-feb-2026")).toBe("https://example.org/reports/btc-feb-2026/");
    expect(siteUrl("https://example.org")).toBe("https://example.org/");
    expect(siteUrl("http://127.0.0.1:8080/report/")).toBe("http://127.0.0.1:8080/report/");
  });

  test.each(["example.org/reports", "/reports/", "ftp://example.org/", "https://example.org/?x=1", "https://example.org/#top"])("rejects %s, naming the variable and an example", (value) => {
    expect(() => siteUrl(value)).toThrow(`REPORT_SITE_URL="${value}": the address the site is published at must be an http(s) URL`);
    expect(() => siteUrl(value)).toThrow("for example REPORT_SITE_URL=https://example.org/reports/btc-feb-2026/");
  });
});
