/** Whether a thrown error is the browser's full disk, by name (Dexie wraps it: an AbortError's `inner`, a BulkError's `failures`). */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const { name, inner, cause, failures } = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (name === 'QuotaExceededError') return true;
  const nested = [inner, cause, ...(Array.isArray(failures) ? failures : Object.values(failures ?? {}))];
  return nested.some((e) => isQuotaError(e, depth + 1));
}
