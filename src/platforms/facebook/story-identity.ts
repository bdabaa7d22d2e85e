import { LIMITS } from '../../core';
import { FB_DATA } from './data-shapes';

const NUMERIC = /^\d{1,30}$/;

/** base64 → text, or undefined for anything that is not base64 (ids are short: bounded first). */
function fromBase64(value: string): string | undefined {
  if (value.length > 400 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return undefined;
  try {
    return atob(value);
  } catch {
    return undefined;
  }
}

/**
 * A Story's `id` read as `S:_I<owner>:<post>:<post>` or `S:_I<owner>:VK:<post>` (manage-posts answers
 * carry no `post_id`). Feed stories' opaque `S:_IFS:…` ids, and anything else, give nothing.
 */
export function storyIdParts(id: unknown): { ownerId: string; postId: string } | undefined {
  if (typeof id !== 'string') return undefined;
  const text = fromBase64(id);
  if (!text?.startsWith(FB_DATA.storyIdPrefix)) return undefined;
  const [owner, ...rest] = text.slice(FB_DATA.storyIdPrefix.length).split(':');
  const postId = rest.find((part) => NUMERIC.test(part));
  return owner && NUMERIC.test(owner) && postId ? { ownerId: owner, postId } : undefined;
}

/** The post an audience editor writes to: `privacy_write_id` = base64 of `privacy_scope_renderer:{"id":<post>}`. */
export function postIdOfWriteId(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = fromBase64(value);
  if (!text?.startsWith(FB_DATA.writeIdPrefix)) return undefined;
  const id = /^\{"id":"?(\d{1,30})"?\}$/.exec(text.slice(FB_DATA.writeIdPrefix.length))?.[1];
  return id && id.length <= LIMITS.idLength ? id : undefined;
}
