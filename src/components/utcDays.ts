// UTC calendar days on a time axis, for charts whose figures are dated to the day.

const MS_PER_DAY = 86_400_000;

/** Noon UTC of a YYYY-MM-DD day (or of the day of an ISO date-time): where a day-dated figure sits. */
export function utcNoon(date: string): Date {
  return new Date(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) + MS_PER_DAY / 2);
}

/** Midnight UTC starting a YYYY-MM-DD day. */
export function utcDayStart(date: string): Date {
  return new Date(`${date.slice(0, 10)}T00:00:00Z`);
}

/** From the start of the first day to the end of the last, widened by `padDays` each side. */
export function paddedDayDomain(times: readonly Date[], padDays: number): [Date, Date] {
  if (times.length === 0) throw new Error("no dates to build a time axis from");
  const ms = times.map((time) => time.getTime());
  const first = Math.floor(Math.min(...ms) / MS_PER_DAY) * MS_PER_DAY;
  const last = Math.ceil(Math.max(...ms) / MS_PER_DAY) * MS_PER_DAY;
  return [new Date(first - padDays * MS_PER_DAY), new Date(last + padDays * MS_PER_DAY)];
}

/** UTC midnights inside the domain, every `step` days, with no more than `maxTicks` of them. */
export function dayTicks([start, end]: readonly [Date, Date], maxTicks: number): Date[] {
  const first = Math.ceil(start.getTime() / MS_PER_DAY) * MS_PER_DAY;
  const days = Math.floor((end.getTime() - first) / MS_PER_DAY) + 1;
  const step = Math.max(1, Math.ceil(days / maxTicks));
  return Array.from({ length: Math.ceil(days / step) }, (_, i) => new Date(first + i * step * MS_PER_DAY));
}
