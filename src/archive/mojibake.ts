/**
 * Meta's export writes its JSON with every non-ASCII byte of the UTF-8 text escaped as its own
 * character ("Ã©" for "é": UTF-8 read as Latin-1, docs/FACTS.md#meta-data-export). Re-encoding the
 * characters as bytes and decoding those as UTF-8 gives the text back. A string that is not such a mis-decoding (it has a
 * character above U+00FF, or its bytes are not valid UTF-8) is left as it is.
 */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function repairMojibake(text: string): string {
  let high = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code > 0xff) return text;
    if (code >= 0x80) high = true;
  }
  if (!high) return text;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return text;
  }
}

/** Repairs every string of a parsed JSON value, keys included. */
export function repairStrings(value: unknown): unknown {
  if (typeof value === 'string') return repairMojibake(value);
  if (Array.isArray(value)) return value.map(repairStrings);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[repairMojibake(key)] = repairStrings(inner);
    return out;
  }
  return value;
}
