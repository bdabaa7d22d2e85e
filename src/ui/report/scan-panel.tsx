import { useState } from 'preact/hooks';
import { PLATFORMS } from '../../core';
import { t } from '../../lib/i18n';
import { startFullScan, type ActionOutcome } from '../shared/actions';
import { LastScan } from '../shared/LastScan';

/** The full-history scan (src/background/full-scan.ts): a start (or resume) button per platform, and each one's last scan. */
export function ScanPanel() {
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const run = async (action: () => Promise<ActionOutcome>) => {
    setOutcome(null);
    try {
      setOutcome(await action());
    } catch (error) {
      setOutcome({ state: 'failed', messageKey: 'actionFailed', substitutions: [String(error instanceof Error ? error.message : error)] });
    }
  };
  return (
    <section class="card" id="scan" aria-labelledby="scan-heading" data-section="scan">
      <h2 id="scan-heading">{t('homeScanHeading')}</h2>
      <p class="small">{t('homeScanIntro')}</p>
      <div class="action-row" role="group" aria-labelledby="scan-heading">
        {PLATFORMS.map((platform) => (
          <button key={platform} type="button" data-action={`scan-${platform}`} onClick={() => run(() => startFullScan(platform))}>
            {t(`platform_${platform}`)}
          </button>
        ))}
      </div>
      {PLATFORMS.map((platform) => (
        <div key={platform} data-scan-of={platform}>
          <LastScan platform={platform} />
        </div>
      ))}
      <p role="status" class="status small" data-outcome={outcome?.state}>
        {outcome ? t(outcome.messageKey, outcome.substitutions) : ''}
      </p>
    </section>
  );
}
