import { OwnFindingSchema, type OwnFinding } from '../core';

/** Fields a finding can lose and still say what matters: which post, whose, and its audience. */
const DROPPABLE = new Set<string>(['publishedAt', 'excerpt', 'ownerName', 'audienceSource', 'disagreement', 'parentPostId', 'aliasIds']);

/** The finding to send (null: none), and what was wrong with it, for the diagnostics (null: nothing). */
export interface GateResult {
  finding: OwnFinding | null;
  problem: string | null;
}

/**
 * The worker refuses a whole batch when one finding in it breaks the message schema, and the queue
 * would keep resending it: one bad finding would hold back every other. So when a batch is refused,
 * each of its findings is checked here, against the same schema, before it is sent again
 * (finding-queue.ts). The page (and any script on it, through the bridge) is untrusted: an impossible
 * date or an oversized name is dropped and the rest kept; a finding whose id, address, kind or
 * audience is wrong is not sent at all.
 */
export function admitFinding(finding: OwnFinding): GateResult {
  const first = OwnFindingSchema.safeParse(finding);
  if (first.success) return { finding: first.data, problem: null };
  const fields = [...new Set(first.error.issues.map((issue) => String(issue.path[0] ?? '')))];
  const fatal = fields.filter((field) => !DROPPABLE.has(field));
  if (fatal.length > 0) return { finding: null, problem: `finding not sent: bad ${fatal.join(', ')}` };
  const trimmed: Record<string, unknown> = { ...finding };
  for (const field of fields) delete trimmed[field];
  const second = OwnFindingSchema.safeParse(trimmed);
  return second.success
    ? { finding: second.data, problem: `finding sent without ${fields.join(', ')}` }
    : { finding: null, problem: 'finding not sent' };
}
