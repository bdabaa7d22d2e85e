import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { askWorker } from '../../lib/worker-client';

/** Options: for now, delete everything (with confirmation). The UI issue adds the rest. */
export function Options() {
  const [state, setState] = useState<'idle' | 'confirm' | 'deleted' | 'failed'>('idle');
  const remove = async () => {
    const reply = await askWorker({ type: 'data/delete-all', confirm: true }).catch(() => null);
    setState(reply?.ok ? 'deleted' : 'failed');
  };
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <h2>{t('optionsDeleteHeading')}</h2>
      <p>{t('optionsDeleteExplain')}</p>
      {state === 'confirm' ? (
        <p>
          <button type="button" onClick={remove}>
            {t('optionsDeleteConfirm')}
          </button>{' '}
          <button type="button" onClick={() => setState('idle')}>
            {t('cancel')}
          </button>
        </p>
      ) : (
        <button type="button" onClick={() => setState('confirm')}>
          {t('optionsDelete')}
        </button>
      )}
      {state === 'deleted' && <p role="status">{t('optionsDeleted')}</p>}
      {state === 'failed' && <p role="alert">{t('optionsDeleteFailed')}</p>}
    </main>
  );
}
