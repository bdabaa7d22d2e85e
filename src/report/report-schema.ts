import {
  z,
  AccountPrivacySchema,
  AudienceRuleSchema,
  AudienceSchema,
  EligibilitySchema,
  EvidenceSchema,
  LIMITS,
  PlatformSchema,
  PostKindSchema,
} from '../core';

/** Bounds of a report file: an imported one is hostile input, so every array and string is capped. */
export const REPORT_LIMITS = {
  /** The whole file, checked before JSON.parse. */
  fileBytes: 50 * 1024 * 1024,
  findings: 100_000,
  historyPerPost: 1_000,
  accounts: 1_000,
  historyPerAccount: 1_000,
  objections: 20,
  /** Distinct publication years (0 = date unknown) in a platform's summary. */
  years: 300,
} as const;

export const REPORT_SCHEMA_VERSION = 1;

/** A UTC instant as `Date.prototype.toISOString` writes it ("2025-05-27T00:00:00.000Z"). */
const IsoTime = z.iso.datetime().max(40);
const Count = z.number().int().nonnegative();
const text = (max: number) => z.string().max(max);

export const ReportHistoryStepSchema = z.object({
  audience: AudienceSchema,
  eligible: EligibilitySchema,
  evidence: EvidenceSchema,
  observedAt: IsoTime,
});
export type ReportHistoryStep = z.infer<typeof ReportHistoryStepSchema>;

export const ReportFindingSchema = z.object({
  platform: PlatformSchema,
  postId: text(LIMITS.idLength).min(1),
  url: text(LIMITS.urlLength),
  kind: PostKindSchema,
  owner: z.object({ id: text(LIMITS.idLength), name: text(LIMITS.nameLength).optional() }),
  audience: AudienceSchema,
  eligible: EligibilitySchema,
  evidence: EvidenceSchema,
  /** The page's words or data name the audience was read from, or the site's rule (a code, worded by the reader). */
  audienceSource: z
    .union([text(LIMITS.labelLength), z.strictObject({ rule: AudienceRuleSchema, label: text(LIMITS.labelLength).optional() })])
    .optional(),
  /** For a comment, the post it is on. */
  parentPostId: text(LIMITS.idLength).optional(),
  publishedAt: IsoTime.optional(),
  excerpt: text(LIMITS.excerptLength).optional(),
  firstSeen: IsoTime,
  lastSeen: IsoTime,
  /** Each audience the post was seen with, oldest first. */
  history: z.array(ReportHistoryStepSchema).max(REPORT_LIMITS.historyPerPost),
});
export type ReportFinding = z.infer<typeof ReportFindingSchema>;

export const ReportAccountSchema = z.object({
  platform: PlatformSchema,
  accountId: text(LIMITS.idLength).min(1),
  username: text(LIMITS.nameLength).optional(),
  name: text(LIMITS.nameLength).optional(),
  privacy: AccountPrivacySchema,
  professional: z.boolean().optional(),
  /** Each change of privacy, oldest first. */
  history: z
    .array(z.object({ privacy: AccountPrivacySchema, evidence: EvidenceSchema, seenAt: IsoTime }))
    .max(REPORT_LIMITS.historyPerAccount),
});
export type ReportAccount = z.infer<typeof ReportAccountSchema>;

export const ReportObjectionSchema = z.object({
  platform: PlatformSchema,
  objectedAt: IsoTime,
});
export type ReportObjection = z.infer<typeof ReportObjectionSchema>;

export const ReportPlatformSummarySchema = z.object({
  platform: PlatformSchema,
  eligible: Count,
  notEligible: Count,
  unknown: Count,
  total: Count,
  /** Eligible posts and comments by year of publication (UTC), oldest first; year 0 = date unknown, last. */
  eligibleByYear: z.array(z.object({ year: z.number().int().min(0).max(9999), eligible: Count })).max(REPORT_LIMITS.years),
});
export type ReportPlatformSummary = z.infer<typeof ReportPlatformSummarySchema>;

/**
 * The exposure report: what the JSON export writes and the import reads back, one schema for both.
 * Times are ISO strings so the file reads well; a report from a newer Glasshouse has a higher
 * `schemaVersion` and is refused by name rather than half-read.
 */
export const ExposureReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  generatedAt: IsoTime,
  /** One entry per platform, in `PLATFORMS` order. */
  summary: z.object({ platforms: z.array(ReportPlatformSummarySchema).max(PlatformSchema.options.length) }),
  accounts: z.array(ReportAccountSchema).max(REPORT_LIMITS.accounts),
  objections: z.array(ReportObjectionSchema).max(REPORT_LIMITS.objections),
  findings: z.array(ReportFindingSchema).max(REPORT_LIMITS.findings),
});
export type ExposureReport = z.infer<typeof ExposureReportSchema>;
