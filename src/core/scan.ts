import { z } from './zod-setup';
import { PlatformSchema, type Platform } from './platform';
import { PlausibleTimeSchema } from './post';
import { LIMITS } from './limits';
import { SITES } from './sites';

/**
 * The full-history scan: the worker opens the user's own profile in a tab and the content script
 * there scrolls it at a polite pace while the normal page watch records every post. These are the
 * scan's states, reasons and messages; the worker keeps one row per scan in the `scans` table.
 */

/** How fast a scan scrolls: the one place to change it. A pace asked for by an extension page is clamped to the floor. */
export const SCAN_PACE = {
  /** Between two scrolls, a random wait in [minMs, maxMs] (jitter: not a machine's regular beat). */
  minMs: 1500,
  maxMs: 3000,
  /** Never faster than this, whoever asks. */
  floorMs: 400,
  /** Scrolls at the bottom of the page with nothing new before the timeline counts as ended. */
  idleScrollsToEnd: 4,
} as const;

export const ScanStatusSchema = z.enum(['running', 'paused', 'done', 'stopped']);
export type ScanStatus = z.infer<typeof ScanStatusSchema>;

/**
 * Why a scan is not running. Each is a message key suffix (`scanReason_<reason>`) in _locales.
 * - paused-by-user / cancelled: the user's buttons;
 * - end-of-timeline: nothing new after several scrolls at the bottom (status done);
 * - login, checkpoint, no-viewer, rate-limited, error: the scan stopped itself, and may be resumed later;
 * - tab-closed, browser-restarted, extension-updated: the scan's tab went away (or its content script
 *   did); resuming opens the profile again.
 */
export const ScanReasonSchema = z.enum([
  'paused-by-user',
  'cancelled',
  'end-of-timeline',
  'login',
  'checkpoint',
  'no-viewer',
  'rate-limited',
  'error',
  'tab-closed',
  'browser-restarted',
  'extension-updated',
]);
export type ScanReason = z.infer<typeof ScanReasonSchema>;

/** The _locales key that says a reason (message names allow no hyphen). */
export const scanReasonMessageKey = (reason: ScanReason) => `scanReason_${reason.replace(/-/g, '_')}`;

const Count = z.int().check(z.nonnegative(), z.lte(10_000_000));
const Time = z.int().check(z.nonnegative());

export const ScanPaceSchema = z
  .strictObject({ minMs: z.int().check(z.gte(0), z.lte(60_000)), maxMs: z.int().check(z.gte(0), z.lte(60_000)) })
  .check(z.refine((pace) => pace.minMs <= pace.maxMs, 'minMs above maxMs'));
export type ScanPace = z.infer<typeof ScanPaceSchema>;

/** A pace anyone may ask for, made polite: never under the floor, max never under min. */
export function politePace(pace: ScanPace | undefined): ScanPace {
  const minMs = Math.max(SCAN_PACE.floorMs, pace?.minMs ?? SCAN_PACE.minMs);
  const maxMs = Math.max(minMs, pace?.maxMs ?? SCAN_PACE.maxMs);
  return { minMs, maxMs };
}

/** What a scan has reached: counted by the content script, kept by the worker. */
export const ScanProgressSchema = z.strictObject({
  /** The user's own posts and comments seen on the profile, each once. */
  postsFound: Count,
  /** Of those, the ones that are public (training-eligible). */
  publicFound: Count,
  /** The publication date of the oldest post seen, when the page told it. */
  oldestReached: z.optional(PlausibleTimeSchema),
  /** The last own post seen (in scroll order): resuming scrolls until it has passed it. */
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(LIMITS.idLength))),
  /** How far down the page that was, in CSS pixels: a fallback when the cursor post is gone. */
  scrollPosition: z.optional(z.int().check(z.nonnegative(), z.lte(100_000_000))),
});
export type ScanProgress = z.infer<typeof ScanProgressSchema>;

/** One scan as the popup and the report show it. */
export const ScanViewSchema = z.object({
  id: z.int().check(z.nonnegative()),
  platform: PlatformSchema,
  status: ScanStatusSchema,
  reason: z.optional(ScanReasonSchema),
  url: z.string().check(z.maxLength(LIMITS.urlLength)),
  startedAt: Time,
  updatedAt: Time,
  finishedAt: z.optional(Time),
  postsFound: Count,
  publicFound: Count,
  oldestReached: z.optional(Time),
  /** Whether starting a scan of this platform again carries on from this one's cursor. */
  resumable: z.boolean(),
});
export type ScanView = z.infer<typeof ScanViewSchema>;

/** What the content script of the scan's tab is told: where to start counting from, and how fast to go. */
export const ScanAssignmentSchema = z.object({
  scanId: z.int().check(z.nonnegative()),
  platform: PlatformSchema,
  status: ScanStatusSchema,
  reason: z.optional(ScanReasonSchema),
  postsFound: Count,
  publicFound: Count,
  oldestReached: z.optional(Time),
  cursor: z.optional(z.string().check(z.maxLength(LIMITS.idLength))),
  scrollPosition: z.optional(z.int().check(z.nonnegative())),
  pace: ScanPaceSchema,
  idleScrollsToEnd: z.int().check(z.positive()),
});
export type ScanAssignment = z.infer<typeof ScanAssignmentSchema>;

/** Stops that a later start carries on from; a cancelled or finished scan starts afresh. */
export function isResumable(scan: { status: ScanStatus; reason?: ScanReason | undefined }): boolean {
  if (scan.status === 'paused') return true;
  return scan.status === 'stopped' && scan.reason !== undefined && scan.reason !== 'cancelled';
}

/**
 * Where a scan walks (see src/background/full-scan.ts for why the timeline and not the activity log).
 * Facebook's /me resolves to the viewer's own profile; Instagram has no such address, so the username
 * the extension has seen is needed.
 */
export function scanStartUrl(platform: Platform, instagramUsername?: string): string | null {
  if (platform === 'facebook') return `${SITES.facebook.origin}/me`;
  if (!instagramUsername || !/^[A-Za-z0-9._]{1,30}$/.test(instagramUsername)) return null;
  return `${SITES.instagram.origin}/${instagramUsername}/`;
}

/** Error replies the UI recognises (src/ui/shared/actions.ts). */
export const SCAN_ERRORS = {
  instagramUsernameUnknown: 'scan: the Instagram username is not known yet',
  noTabs: 'scan: tabs cannot be opened here',
  notThisTab: 'scan: this tab runs no such scan',
  noPlatform: 'scan: name the platform',
} as const;

// Messages. Extension pages name the platform; a content script's scan is always its own tab's.

/** From the popup: start (or carry on) the scan of a platform. `pace` is clamped by `politePace`. */
export const StartScanRequest = z.strictObject({
  type: z.literal('scan/start'),
  platform: PlatformSchema,
  pace: z.optional(ScanPaceSchema),
});
/** From a content script: am I the scan tab? Answered only for the sender's own tab. */
export const ScanForThisTabRequest = z.strictObject({ type: z.literal('scan/for-this-tab') });
/** From the scan tab's content script: what it has reached; `end` when it stopped by itself. */
export const ScanProgressRequest = z.strictObject({
  type: z.literal('scan/progress'),
  scanId: z.int().check(z.nonnegative()),
  progress: ScanProgressSchema,
  end: z.optional(z.strictObject({ status: z.enum(['done', 'stopped']), reason: ScanReasonSchema })),
});
/** Pause, resume, cancel: from the scan tab's panel (its own scan) or from an extension page (`platform`). */
export const PauseScanRequest = z.strictObject({ type: z.literal('scan/pause'), platform: z.optional(PlatformSchema) });
export const ResumeScanRequest = z.strictObject({ type: z.literal('scan/resume'), platform: z.optional(PlatformSchema) });
export const CancelScanRequest = z.strictObject({ type: z.literal('scan/cancel'), platform: z.optional(PlatformSchema) });
/** The latest scan of a platform, for the popup's summary. */
export const ScanStatusRequest = z.strictObject({ type: z.literal('scan/status'), platform: PlatformSchema });

export const SCAN_REQUESTS = [
  StartScanRequest,
  ScanForThisTabRequest,
  ScanProgressRequest,
  PauseScanRequest,
  ResumeScanRequest,
  CancelScanRequest,
  ScanStatusRequest,
] as const;

/** What content scripts may send of these: each acts on the sender's own tab only. */
export const SCAN_CONTENT_SCRIPT_REQUESTS = ['scan/for-this-tab', 'scan/progress', 'scan/pause', 'scan/resume', 'scan/cancel'] as const;

const ScanReply = z.object({ scan: z.nullable(ScanViewSchema) });
export const ScanReplyPayloads = {
  /** `opened`: a tab was opened; false when the scan was already running in a tab that is still open. */
  'scan/start': z.object({ scan: ScanViewSchema, opened: z.boolean(), resumed: z.boolean() }),
  'scan/for-this-tab': z.object({ scan: z.nullable(ScanAssignmentSchema) }),
  /** The scan's state after the report: the content script stops when it is no longer running. */
  'scan/progress': z.object({ status: ScanStatusSchema, reason: z.optional(ScanReasonSchema) }),
  'scan/pause': ScanReply,
  'scan/resume': ScanReply,
  'scan/cancel': ScanReply,
  'scan/status': ScanReply,
} as const;
