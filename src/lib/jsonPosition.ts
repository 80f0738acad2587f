// Where a value sits in a JSON text, as a 1-based line and column, so that an error about
// rows[17].low can point at the line an editor shows. The text is assumed to be valid JSON
// (it has already been parsed); the scanner only skips over values to reach the path.

export interface TextPosition {
  line: number;
  column: number;
}

export function positionAt(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: offset - lineStart + 1 };
}

/**
 * The position of the value at `path` (an object member points at its key), or of the deepest
 * part of the path that exists.
 */
export function jsonPathPosition(text: string, path: readonly PropertyKey[]): TextPosition {
  let at = skipSpace(text, 0);
  let found = at;
  for (const step of path) {
    const opener = text[at];
    if (opener === "{") {
      const member = findMember(text, at, String(step));
      if (member === null) break;
      found = member.key;
      at = member.value;
    } else if (opener === "[" && typeof step === "number") {
      const element = findElement(text, at, step);
      if (element === null) break;
      found = at = element;
    } else break;
  }
  return positionAt(text, found);
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && " \t\r\n".includes(text[at]!)) at++;
  return at;
}

/** The offset just past the string that starts at `at`. */
function skipString(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

/** The offset just past the value that starts at `at`. */
function skipValue(text: string, at: number): number {
  const first = text[at];
  if (first === '"') return skipString(text, at);
  if (first !== "{" && first !== "[") {
    let i = at;
    while (i < text.length && !",]} \t\r\n".includes(text[i]!)) i++;
    return i;
  }
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const char = text[i];
    if (char === '"') i = skipString(text, i) - 1;
    else if (char === "{" || char === "[") depth++;
    else if ((char === "}" || char === "]") && --depth === 0) return i + 1;
  }
  return text.length;
}

function findMember(text: string, open: number, name: string): { key: number; value: number } | null {
  let at = skipSpace(text, open + 1);
  while (text[at] === '"') {
    const keyEnd = skipString(text, at);
    const key = JSON.parse(text.slice(at, keyEnd)) as string;
    const value = skipSpace(text, skipSpace(text, keyEnd) + 1);
    if (key === name) return { key: at, value };
    at = skipSpace(text, skipValue(text, value));
    if (text[at] !== ",") return null;
    at = skipSpace(text, at + 1);
  }
  return null;
}

function findElement(text: string, open: number, index: number): number | null {
  let at = skipSpace(text, open + 1);
  if (text[at] === "]") return null;
  for (let i = 0; i < index; i++) {
    at = skipSpace(text, skipValue(text, at));
    if (text[at] !== ",") return null;
    at = skipSpace(text, at + 1);
  }
  return at;
}
