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
const IsoTime = z.iso.datetime().check(z.maxLength(40));
const Count = z.int().check(z.nonnegative());
const text = (max: number) => z.string().check(z.maxLength(max));
/** Text of at most `max` characters, never empty (ids). */
const id = (max: number) => z.string().check(z.maxLength(max), z.minLength(1));

export const ReportHistoryStepSchema = z.object({
  audience: AudienceSchema,
  eligible: EligibilitySchema,
  evidence: EvidenceSchema,
  observedAt: IsoTime,
});
export type ReportHistoryStep = z.infer<typeof ReportHistoryStepSchema>;

export const ReportFindingSchema = z.object({
  platform: PlatformSchema,
  postId: id(LIMITS.idLength),
  url: text(LIMITS.urlLength),
  kind: PostKindSchema,
  owner: z.object({ id: text(LIMITS.idLength), name: z.optional(text(LIMITS.nameLength)) }),
  audience: AudienceSchema,
  eligible: EligibilitySchema,
  evidence: EvidenceSchema,
  /** The page's words or data name the audience was read from, or the site's rule (a code, worded by the reader). */
  audienceSource: z.optional(
    z.union([text(LIMITS.labelLength), z.strictObject({ rule: AudienceRuleSchema, label: z.optional(text(LIMITS.labelLength)) })]),
  ),
  /** For a comment, the post it is on. */
  parentPostId: z.optional(text(LIMITS.idLength)),
  publishedAt: z.optional(IsoTime),
  excerpt: z.optional(text(LIMITS.excerptLength)),
  firstSeen: IsoTime,
  lastSeen: IsoTime,
  /** Each audience the post was seen with, oldest first. */
  history: z.array(ReportHistoryStepSchema).check(z.maxLength(REPORT_LIMITS.historyPerPost)),
});
export type ReportFinding = z.infer<typeof ReportFindingSchema>;

export const ReportAccountSchema = z.object({
  platform: PlatformSchema,
  accountId: id(LIMITS.idLength),
  username: z.optional(text(LIMITS.nameLength)),
  name: z.optional(text(LIMITS.nameLength)),
  privacy: AccountPrivacySchema,
  professional: z.optional(z.boolean()),
  /** Each change of privacy, oldest first. */
  history: z
    .array(z.object({ privacy: AccountPrivacySchema, evidence: EvidenceSchema, seenAt: IsoTime }))
    .check(z.maxLength(REPORT_LIMITS.historyPerAccount)),
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
  eligibleByYear: z
    .array(z.object({ year: z.int().check(z.gte(0), z.lte(9999)), eligible: Count }))
    .check(z.maxLength(REPORT_LIMITS.years)),
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
  summary: z.object({ platforms: z.array(ReportPlatformSummarySchema).check(z.maxLength(PlatformSchema.options.length)) }),
  accounts: z.array(ReportAccountSchema).check(z.maxLength(REPORT_LIMITS.accounts)),
  objections: z.array(ReportObjectionSchema).check(z.maxLength(REPORT_LIMITS.objections)),
  findings: z.array(ReportFindingSchema).check(z.maxLength(REPORT_LIMITS.findings)),
});
export type ExposureReport = z.infer<typeof ExposureReportSchema>;
