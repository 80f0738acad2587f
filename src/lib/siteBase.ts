/**
 * The sub-path the site is published under, from REPORT_BASE ("/" when unset). Only the 404 page
 * uses it: a static host serves that page at whatever address was not found, so its links and
 * assets cannot be relative to the address and are resolved against this base instead.
 */
export function siteBase(value: string | undefined): string {
  if (value === undefined || value === "" || value === "/") return "/";
  const segments = value.split("/").slice(1).filter(Boolean);
  if (!value.startsWith("/") || segments.some((segment) => segment === "." || segment === ".." || !/^[\w.~-]+$/.test(segment))) {
    throw new Error(
      `REPORT_BASE="${value}": the sub-path the site is published under must start with "/" and hold only letters, digits, "-", "_", "." and "~" between slashes; for example REPORT_BASE=/reports/btc-feb-2026/, or leave it unset for a domain's root`
    );
  }
  return `/${segments.join("/")}/`;
}

/**
 * The address the site is published at, from REPORT_SITE_URL ("https://example.org/reports/btc-feb-2026/"),
 * ending in "/"; null when unset. Link previews need it: an Open Graph image must be an absolute URL.
 */
export function siteUrl(value: string | undefined): string | null {
  if (value === undefined || value === "") return null;
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // Reported below with the rest.
  }
  if (!url || !["http:", "https:"].includes(url.protocol) || url.search || url.hash) {
    throw new Error(`REPORT_SITE_URL="${value}": the address the site is published at must be an http(s) URL without query or fragment; for example REPORT_SITE_URL=https://example.org/reports/btc-feb-2026/, or leave it unset (link previews then show no image)`);
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}
