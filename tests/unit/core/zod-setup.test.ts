import { describe, expect, it } from 'vitest';
import { describeIssue, LIMITS, RequestSchema } from '../../../src/core';
import { parseReportJson } from '../../../src/report/json';

// zod/mini has no default locale: without the English one zod-setup loads, every refusal would read
// "Invalid input" and say nothing of what was wrong.
describe('zod issue messages', () => {
  it('say what was wrong with a refused message', () => {
    const parsed = RequestSchema.safeParse({ type: 'findings/record', batchId: '', findings: [] });
    expect(parsed.success).toBe(false);
    expect(describeIssue(parsed.error!)).toBe('batchId: Too small: expected string to have >=1 characters');
  });

  it("say what was wrong with an imported report's field", () => {
    const report = {
      schemaVersion: 1,
      generatedAt: '2025-05-27T00:00:00.000Z',
      summary: { platforms: [] },
      accounts: [{ platform: 'facebook', accountId: 'x'.repeat(LIMITS.idLength + 1), privacy: 'public', history: [] }],
      objections: [],
      findings: [],
    };
    const result = parseReportJson(JSON.stringify(report));
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    expect(!result.ok && result.error).toBe(
      `Invalid report: field accounts[0].accountId: Too big: expected string to have <=${LIMITS.idLength} characters.`,
    );
  });
});
