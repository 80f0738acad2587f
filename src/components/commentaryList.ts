/** What src/data/commentary.json lists for each commentary page (see src/lib/commentary.ts). */
export interface CommentaryListEntry {
  slug: string;
  title: string;
  author: string;
  date: string;
  summary: string;
}

/** The commentary pages, newest first as given: title linked to the page, author, date, summary. */
export function commentaryList(entries: readonly CommentaryListEntry[], { base = "./commentary/" } = {}): HTMLElement {
  if (entries.length === 0) {
    const empty = document.createElement("p");
    empty.textContent = "No commentary yet.";
    return empty;
  }
  const list = document.createElement("ul");
  list.className = "commentary-list";
  list.style.cssText = "list-style:none;padding:0;max-width:640px";
  for (const entry of entries) {
    const item = document.createElement("li");
    item.style.cssText = "margin:0 0 1rem";
    const link = document.createElement("a");
    link.href = `${base}${entry.slug}`;
    link.textContent = entry.title;
    link.style.fontWeight = "600";
    const byline = document.createElement("div");
    byline.style.cssText = "font:13px var(--sans-serif);color:var(--theme-foreground-muted)";
    const time = document.createElement("time");
    time.dateTime = entry.date;
    time.textContent = entry.date;
    byline.append(`${entry.author} · `, time);
    const summary = document.createElement("div");
    summary.textContent = entry.summary;
    item.append(link, byline, summary);
    list.append(item);
  }
  return list;
}
