import { z } from '../core';

/** The parts of a HAR file (the browser's network recording) the audit reads; the rest is ignored. */
const HarEntrySchema = z.object({
  request: z.object({
    url: z.string(),
    cookies: z.optional(z.array(z.object({ name: z.string(), value: z.string() }))),
    headers: z.optional(z.array(z.object({ name: z.string(), value: z.string() }))),
  }),
  response: z.object({
    content: z.object({ text: z.optional(z.string()), mimeType: z.optional(z.string()), encoding: z.optional(z.string()) }),
  }),
});
const HarSchema = z.object({ log: z.object({ entries: z.array(z.unknown()) }) });

export interface HarResponse {
  url: string;
  body: string;
  isPage: boolean;
  /** The request's cookies: who was logged in when it was recorded. */
  cookies: Map<string, string>;
}

function cookiesOf(entry: z.infer<typeof HarEntrySchema>): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const { name, value } of entry.request.cookies ?? []) cookies.set(name, value);
  for (const header of entry.request.headers ?? []) {
    if (header.name.toLowerCase() !== 'cookie') continue;
    for (const part of header.value.split(';')) {
      const [name, ...rest] = part.trim().split('=');
      if (name && !cookies.has(name)) cookies.set(name, rest.join('='));
    }
  }
  return cookies;
}

/** The responses a HAR holds, in recorded order; undefined when the value is not a HAR. Malformed entries are skipped. */
export function harResponses(value: unknown): HarResponse[] | undefined {
  const har = HarSchema.safeParse(value);
  if (!har.success) return undefined;
  const responses: HarResponse[] = [];
  for (const raw of har.data.log.entries) {
    const entry = HarEntrySchema.safeParse(raw);
    if (!entry.success || entry.data.response.content.text === undefined) continue;
    const { text, encoding, mimeType = '' } = entry.data.response.content;
    const body = encoding === 'base64' ? Buffer.from(text, 'base64').toString('utf8') : text;
    responses.push({ url: entry.data.request.url, body, isPage: /html/i.test(mimeType), cookies: cookiesOf(entry.data) });
  }
  return responses;
}
