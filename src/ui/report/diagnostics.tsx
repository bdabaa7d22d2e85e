import type { PlatformOverview } from '../../core';
import { t } from '../../lib/i18n';
import { formatDateTime } from '../shared/format';

const TOP_LABELS = 5;

/**
 * What the detectors could not read, per platform: a changed page shows here first (the Glasshouse
 * page's last section). Above it, batches of findings whose write keeps failing, if any (src/db/inbox.ts).
 */
export function DiagnosticsPanel({ platforms, unwritten = 0 }: { platforms: PlatformOverview[]; unwritten?: number }) {
  return (
    <div class="diagnostics" data-section="diagnostics">
      {unwritten > 0 && (
        <p class="small" data-unwritten={unwritten}>
          {t('diagUnwritten', [String(unwritten)])}
        </p>
      )}
      {platforms.map(({ summary, diagnostics }) => {
        const labels = Object.entries(diagnostics?.unreadLabels ?? {})
          .sort((a, b) => b[1] - a[1])
          .slice(0, TOP_LABELS);
        return (
          <div key={summary.platform} data-diagnostics={summary.platform}>
            <p class="small-heading">
              <strong>{t(`platform_${summary.platform}`)}</strong>
            </p>
            {!diagnostics ? (
              <p class="small muted">{t('diagNone')}</p>
            ) : (
              <>
                <ul class="small plain">
                  <li>{t('diagUnknown', [String(summary.unknown)])}</li>
                  <li>{t('diagUnknownAudiences', [String(diagnostics.unknownAudiences)])}</li>
                  <li>{t('diagErrors', [String(diagnostics.errors)])}</li>
                  {diagnostics.lastError && <li class="wrap">{t('diagLastError', [diagnostics.lastError])}</li>}
                  <li>{t('diagUpdated', [formatDateTime(diagnostics.updatedAt)])}</li>
                </ul>
                {labels.length > 0 && (
                  <>
                    <p class="small">{t('diagUnreadLabels')}</p>
                    <ul class="small wrap">
                      {labels.map(([label, count]) => (
                        <li key={label}>{t('diagLabelCount', [label, String(count)])}</li>
                      ))}
                    </ul>
                  </>
                )}
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}
