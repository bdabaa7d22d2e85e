/**
 * Pulls JSON values out of a script's text: the whole text when it is JSON (data-sjs blocks), else
 * every maximal balanced `{…}` that parses (inline `requireLazy(…, function(m){m.handle({…})})`).
 */
export function extractJsonValues(text: string): unknown[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return [JSON.parse(trimmed)];
    } catch {
      // Not whole JSON: fall through to the scan.
    }
  }
  const values: unknown[] = [];
  let from = 0;
  while (from < text.length) {
    const start = text.indexOf('{', from);
    if (start < 0) break;
    const end = matchingBrace(text, start);
    if (end < 0) break;
    try {
      values.push(JSON.parse(text.slice(start, end + 1)));
      from = end + 1;
    } catch {
      from = start + 1;
    }
  }
  return values;
}

/** Index of the `}` closing the `{` at `start`, skipping JSON strings; -1 when unbalanced. */
function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i += 1;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */) depth += 1;
    else if (c === 125 /* } */) {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Visits every object in a JSON value, depth-first; `visit` returns false to skip its children. */
export function walkObjects(value: unknown, visit: (object: Record<string, unknown>, key: string | undefined) => boolean | void): void {
  const stack: [unknown, string | undefined][] = [[value, undefined]];
  while (stack.length > 0) {
    const [current, key] = stack.pop()!;
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i -= 1) stack.push([current[i], key]);
    } else if (current !== null && typeof current === 'object') {
      const object = current as Record<string, unknown>;
      if (visit(object, key) === false) continue;
      const entries = Object.entries(object);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [childKey, child] = entries[i]!;
        if (child !== null && typeof child === 'object') stack.push([child, childKey]);
      }
    }
  }
}

/**
 * The JSON documents of a network answer: several, one a line (GraphQL streams `@defer` and
 * `@stream` parts that way), or one spread over many lines (a pretty-printed answer).
 */
export function jsonDocuments(text: string): string[] {
  const lines = text.split('\n').filter((line) => line.trim().length > 0);
  if (lines.length <= 1) return lines;
  const wholeLines = lines.every((line) => {
    const t = line.trim();
    return (t.startsWith('{') && t.endsWith('}')) || (t.startsWith('[') && t.endsWith(']'));
  });
  return wholeLines ? lines : [text];
}
