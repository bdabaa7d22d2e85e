import type { Platform } from '../../core';
import { t } from '../../lib/i18n';
import { scanReasonMessageKey } from '../../core/scan';
import { formatCount, formatDate } from './format';
import { useWorker } from './use-worker';

/** The latest full-history scan of a platform, in one line: how far it got, and why it stopped. */
export function LastScan({ platform }: { platform: Platform }) {
  const loaded = useWorker({ type: 'scan/status', platform });
  if (loaded.state !== 'ready' || !loaded.value.scan) return null;
  const scan = loaded.value.scan;
  const oldest = scan.oldestReached !== undefined ? formatDate(scan.oldestReached) : t('scanOldestUnknown');
  return (
    <p class="small muted" data-last-scan={scan.status} data-found={scan.postsFound} data-public={scan.publicFound}>
      {t('scanLastSummary', [t(`scanStatus_${scan.status}`), formatCount(scan.postsFound), formatCount(scan.publicFound), oldest])}
      {scan.reason && scan.status !== 'running' && <> {t(scanReasonMessageKey(scan.reason))}</>}
    </p>
  );
}
