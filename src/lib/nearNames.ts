// "Did you mean …?" for a mistyped name. Browser-safe.

/** Edits (insertions, deletions, substitutions) that turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidates a mistyped name most likely meant, best first: those that contain it or that it
 * contains, else the fewest edits away (a third of the name's length at most, and at most one
 * edit more than the best).
 */
export function nearNames(name: string, candidates: readonly string[], limit = 3): string[] {
  const typed = name.toLowerCase();
  const maxEdits = Math.max(2, Math.ceil(typed.length / 3));
  const near = candidates
    .map((candidate) => {
      const lower = candidate.toLowerCase();
      const contains = typed.length >= 3 && (lower.includes(typed) || typed.includes(lower));
      return { candidate, distance: contains ? 0 : editDistance(typed, lower) };
    })
    .filter(({ distance }) => distance <= maxEdits)
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate));
  const best = near[0]?.distance ?? 0;
  return near
    .filter(({ distance }) => distance <= best + 1)
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}
