import { useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '../../core';
import { t } from '../../lib/i18n';
import { askWorker } from '../../lib/worker-client';
import { ExternalLink } from '../shared/links';
import { useWorkerQuery } from '../shared/use-worker';

type Status = { state: 'saving' | 'saved' | 'failed'; text: string } | null;
type Save = (change: Partial<Settings>, savedKey?: string) => Promise<boolean>;

/** Saves one change through 'settings/set' and says so next to the control. */
function useSettingsSaver(onSaved: (settings: Settings) => void): [Status, Save] {
  const [status, setStatus] = useState<Status>(null);
  const save: Save = async (change, savedKey = 'optionsSaved') => {
    setStatus({ state: 'saving', text: t('optionsSaving') });
    try {
      const reply = await askWorker({ type: 'settings/set', settings: change });
      if (!reply.ok) {
        setStatus({ state: 'failed', text: t('optionsSaveFailed', [reply.detail]) });
        return false;
      }
      const { ok: _ok, ...settings } = reply;
      onSaved(settings);
      setStatus({ state: 'saved', text: t(savedKey) });
      return true;
    } catch (error) {
      setStatus({ state: 'failed', text: t('optionsSaveFailed', [String(error instanceof Error ? error.message : error)]) });
      return false;
    }
  };
  return [status, save];
}

function StatusLine({ status, id }: { status: Status; id: string }) {
  return (
    <p role="status" id={id} class={`status small ${status?.state === 'failed' ? 'error' : ''}`} data-status={status?.state}>
      {status?.text ?? ''}
    </p>
  );
}

export function Options() {
  const { loaded, reload } = useWorkerQuery({ type: 'settings/get' });
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    if (loaded.state === 'ready') {
      const { ok: _ok, ...value } = loaded.value;
      setSettings(value);
    }
  }, [loaded]);
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {loaded.state === 'loading' && <p class="muted">{t('loading')}</p>}
      {loaded.state === 'failed' && <p role="alert">{t('optionsLoadFailed', [loaded.error])}</p>}
      {settings && (
        <>
          <BadgeSetting settings={settings} onSaved={setSettings} />
          <ExcerptSetting settings={settings} onSaved={setSettings} />
          <RetentionSetting settings={settings} onSaved={setSettings} />
        </>
      )}
      <DeleteEverything onDeleted={reload} />
      <p class="small" data-link="privacy">
        <ExternalLink href="../privacy/index.html">{t('optionsPrivacyLink')}</ExternalLink>
      </p>
    </main>
  );
}

interface SettingProps {
  settings: Settings;
  onSaved: (settings: Settings) => void;
}

function BadgeSetting({ settings, onSaved }: SettingProps) {
  const [status, save] = useSettingsSaver(onSaved);
  return (
    <section class="card" aria-labelledby="badges-heading" data-setting="badgeEveryone">
      <h2 id="badges-heading">{t('optionsBadgesHeading')}</h2>
      <fieldset>
        <legend>{t('optionsBadgesLegend')}</legend>
        <label class="choice">
          <input
            type="radio"
            name="badge-scope"
            value="own"
            checked={!settings.badgeEveryone}
            onChange={() => save({ badgeEveryone: false })}
          />
          {t('optionsBadgeOwn')}
        </label>
        <label class="choice">
          <input
            type="radio"
            name="badge-scope"
            value="everyone"
            checked={settings.badgeEveryone}
            aria-describedby="badge-everyone-hint"
            onChange={() => save({ badgeEveryone: true })}
          />
          {t('optionsBadgeEveryone')}
        </label>
        <p id="badge-everyone-hint" class="small muted">
          {t('optionsBadgeEveryoneHint')}
        </p>
      </fieldset>
      <StatusLine status={status} id="badges-status" />
    </section>
  );
}

function ExcerptSetting({ settings, onSaved }: SettingProps) {
  const [status, save] = useSettingsSaver(onSaved);
  return (
    <section class="card" aria-labelledby="excerpts-heading" data-setting="keepExcerpts">
      <h2 id="excerpts-heading">{t('optionsExcerptsHeading')}</h2>
      <label class="choice">
        <input
          type="checkbox"
          name="keep-excerpts"
          checked={settings.keepExcerpts}
          aria-describedby="excerpts-hint"
          onChange={(event) => {
            const keep = (event.target as HTMLInputElement).checked;
            void save({ keepExcerpts: keep }, keep ? 'optionsSaved' : 'optionsExcerptsPurged');
          }}
        />
        {t('optionsKeepExcerpts')}
      </label>
      <p id="excerpts-hint" class="small muted">
        {t('optionsKeepExcerptsHint')}
      </p>
      <StatusLine status={status} id="excerpts-status" />
    </section>
  );
}

const MAX_DAYS = 3650;

function RetentionSetting({ settings, onSaved }: SettingProps) {
  const [status, save] = useSettingsSaver(onSaved);
  const [days, setDays] = useState(String(settings.autoDeleteDays));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => setDays(String(settings.autoDeleteDays)), [settings.autoDeleteDays]);
  const commit = (value: string) => {
    const trimmed = value.trim();
    const n = Number(trimmed);
    if (!/^\d+$/.test(trimmed) || n > MAX_DAYS) return setInvalid(true);
    setInvalid(false);
    if (n !== settings.autoDeleteDays) void save({ autoDeleteDays: n });
  };
  return (
    <section class="card" aria-labelledby="retention-heading" data-setting="autoDeleteDays">
      <h2 id="retention-heading">{t('optionsRetentionHeading')}</h2>
      <label for="auto-delete-days">{t('optionsRetentionLabel')}</label>
      <input
        id="auto-delete-days"
        type="number"
        inputMode="numeric"
        min={0}
        max={MAX_DAYS}
        step={1}
        value={days}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={invalid ? 'retention-hint retention-error' : 'retention-hint'}
        onInput={(event) => setDays((event.target as HTMLInputElement).value)}
        onChange={(event) => commit((event.target as HTMLInputElement).value)}
      />
      <p id="retention-hint" class="small muted">
        {t('optionsRetentionHint')}
      </p>
      {invalid && (
        <p id="retention-error" class="error small" role="alert">
          {t('optionsRetentionInvalid')}
        </p>
      )}
      <StatusLine status={status} id="retention-status" />
    </section>
  );
}

function DeleteEverything({ onDeleted }: { onDeleted: () => Promise<void> }) {
  const [state, setState] = useState<'idle' | 'confirm' | 'deleting' | 'deleted' | 'failed'>('idle');
  const confirmRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (state === 'confirm') confirmRef.current?.focus();
  }, [state]);
  const remove = async () => {
    setState('deleting');
    const reply = await askWorker({ type: 'data/delete-all', confirm: true }).catch(() => null);
    setState(reply?.ok ? 'deleted' : 'failed');
    if (reply?.ok) await onDeleted();
    // The confirm button is gone: focus returns to the button that started it.
    setTimeout(() => startRef.current?.focus());
  };
  return (
    <section class="card danger-zone" aria-labelledby="delete-heading" data-setting="delete-all">
      <h2 id="delete-heading">{t('optionsDeleteHeading')}</h2>
      <p>{t('optionsDeleteExplain')}</p>
      {state === 'confirm' || state === 'deleting' ? (
        <div role="group" aria-labelledby="delete-question" class="confirm">
          <p id="delete-question">
            <strong>{t('optionsDeleteQuestion')}</strong>
          </p>
          <p class="actions">
            <button
              type="button"
              class="danger"
              ref={confirmRef}
              data-action="delete-confirm"
              disabled={state === 'deleting'}
              onClick={remove}
            >
              {t('optionsDeleteConfirm')}
            </button>
            <button
              type="button"
              data-action="delete-cancel"
              onClick={() => {
                setState('idle');
                setTimeout(() => startRef.current?.focus());
              }}
            >
              {t('cancel')}
            </button>
          </p>
        </div>
      ) : (
        <p class="actions">
          <button type="button" ref={startRef} data-action="delete-start" onClick={() => setState('confirm')}>
            {t('optionsDelete')}
          </button>
        </p>
      )}
      <p role="status" class="status small" data-status={state === 'deleted' ? 'saved' : state === 'failed' ? 'failed' : undefined}>
        {state === 'deleted' ? t('optionsDeleted') : state === 'failed' ? t('optionsDeleteFailed') : ''}
      </p>
    </section>
  );
}
