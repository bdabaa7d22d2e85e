import { z } from './zod-setup';
import { LIMITS } from './limits';

import { BRIDGE_SOURCE, CONTENT_READY_SOURCE } from './bridge-source';

export { BRIDGE_SOURCE, CONTENT_READY_SOURCE };

/**
 * A network response the page received, handed from the page-world script to the content script
 * by window.postMessage. Any page script can forge one: it is untrusted input, parsed here, bounded
 * in size, and can only add data about the page it came from.
 */
export const BridgeMessageSchema = z.object({
  source: z.literal(BRIDGE_SOURCE),
  kind: z.literal('response'),
  url: z.string().check(z.maxLength(LIMITS.urlLength)),
  body: z.string().check(z.maxLength(LIMITS.bridgePayloadBytes)),
});
export type BridgeMessage = z.infer<typeof BridgeMessageSchema>;
