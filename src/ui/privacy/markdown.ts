/**
 * The little Markdown that PRIVACY.md is written in, read into blocks the privacy page renders with
 * JSX (never as HTML: no sink, and the policy text cannot inject markup). Headings (`#`, `##`,
 * `###`), paragraphs, `- ` lists whose items continue on indented lines, and inline `**bold**` and
 * `` `code` ``. Anything else stays as the text it is.
 */
export type Inline = { kind: 'text' | 'strong' | 'code'; text: string };
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; content: Inline[] }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; items: Inline[][] };

/** `**bold**` and `` `code` `` spans of one line or paragraph; an unclosed marker is plain text. */
export function parseInline(text: string): Inline[] {
  const spans: Inline[] = [];
  const pattern = /\*\*([^*]+)\*\*|`([^`]+)`/g;
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > at) spans.push({ kind: 'text', text: text.slice(at, match.index) });
    spans.push(match[1] !== undefined ? { kind: 'strong', text: match[1] } : { kind: 'code', text: match[2]! });
    at = match.index + match[0].length;
  }
  if (at < text.length) spans.push({ kind: 'text', text: text.slice(at) });
  return spans;
}

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let items: string[] | null = null;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', content: parseInline(paragraph.join(' ')) });
    if (items) blocks.push({ kind: 'list', items: items.map(parseInline) });
    paragraph = [];
    items = null;
  };
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const heading = /^(#{1,3}) +(.*)$/.exec(line);
    const item = /^[-*] +(.*)$/.exec(line);
    if (line.trim() === '') flush();
    else if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1]!.length as 1 | 2 | 3, content: parseInline(heading[2]!) });
    } else if (item) {
      if (paragraph.length > 0) flush();
      items = [...(items ?? []), item[1]!];
    } else if (items && /^\s+\S/.test(line)) {
      // An indented line continues the list's last item.
      items[items.length - 1] += ` ${line.trim()}`;
    } else {
      if (items) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}
