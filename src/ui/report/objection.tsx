import { useEffect, useRef, useState } from 'preact/hooks';
import type { Platform, PlatformOverview, Request } from '../../core';
import { OBJECTION_FORMS, PRIVACY_CENTER_GENAI } from '../../core/meta-addresses';
import { t } from '../../lib/i18n';
import { askWorker } from '../../lib/worker-client';
import { formatDate, parseInputDate, todayInputValue } from '../shared/format';
import { ExternalLink } from '../shared/links';
import type { FindingRow } from './finding-rows';
import { AccessRequest, ObjectionReason } from './objection-helper';

type ObjectionRequest = Extract<Request, { type: `objection/${string}` }>;

/** Objecting to AI training: Meta's forms, and what the user says they did with them. */
export function ObjectionPanel({
  platforms,
  reload,
  rows,
}: {
  platforms: PlatformOverview[];
  reload: () => Promise<void>;
  /** The posts as the page read them, for the reason texts (undefined while they load). */
  rows?: readonly FindingRow[];
}) {
  return (
    <section class="card" id="object" aria-labelledby="objection-heading" data-section="objection">
      <h2 id="objection-heading">{t('objectHeading')}</h2>
      <p class="small">{t('objectIntro')}</p>
      {platforms.map((p) => (
        <PlatformObjection key={p.summary.platform} overview={p} reload={reload} rows={rows} />
      ))}
      <p class="small">
        <ExternalLink href={PRIVACY_CENTER_GENAI}>{t('objectPrivacyCenter')}</ExternalLink>
      </p>
      <AccessRequest platforms={platforms} />
    </section>
  );
}

function PlatformObjection({
  overview,
  reload,
  rows,
}: {
  overview: PlatformOverview;
  reload: () => Promise<void>;
  rows: readonly FindingRow[] | undefined;
}) {
  const platform = overview.summary.platform;
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const objectButtonRef = useRef<HTMLButtonElement>(null);
  const headingId = `objection-${platform}`;

  /** Sends one change; on success reloads and puts focus back on this block's heading (the control pressed is gone). */
  const send = async (request: ObjectionRequest, doneKey: string) => {
    try {
      const reply = await askWorker(request);
      if (!reply.ok) return setStatus(t('actionFailed', [reply.detail]));
    } catch (error) {
      return setStatus(t('actionFailed', [String(error instanceof Error ? error.message : error)]));
    }
    setEditing(false);
    setStatus(t(doneKey));
    await reload();
    headingRef.current?.focus();
  };

  const formOpened = () => {
    // The popup may close as the form's tab opens: the worker notes it, and the popup asks next time.
    askWorker({ type: 'objection/form-opened', platform }).then(
      () => reload(),
      () => undefined,
    );
  };

  const formLink = (
    <ExternalLink href={OBJECTION_FORMS[platform]} class="button primary" onClick={formOpened}>
      {t(`objectForm_${platform}`)}
    </ExternalLink>
  );

  return (
    <div class="objection" data-objection={platform} data-objected={overview.objectedAt !== undefined ? 'yes' : 'no'}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t(`platform_${platform}`)}
      </h3>
      {overview.objectedAt !== undefined ? (
        <>
          <p>
            <strong data-objected-at={overview.objectedAt}>{t('objectRecorded', [formatDate(overview.objectedAt)])}</strong>
          </p>
          <p class="small">{t('objectCoversAfter')}</p>
          <p class="small">{t('objectBeforeMayBeUsed')}</p>
          <p class="actions">
            <button type="button" data-action="objection-undo" onClick={() => send({ type: 'objection/clear', platform }, 'objectUndone')}>
              {t('objectUndo')}
            </button>
          </p>
        </>
      ) : overview.formOpenedAt !== undefined ? (
        <div role="group" aria-labelledby={`${headingId} prompt-${platform}`} class="prompt" data-prompt={platform}>
          <p id={`prompt-${platform}`}>{t('objectPrompt', [formatDate(overview.formOpenedAt)])}</p>
          <p class="actions">
            <button
              type="button"
              class="primary"
              data-action="prompt-yes"
              onClick={() => send({ type: 'objection/record', platform, objectedAt: Date.now() }, 'objectSaved')}
            >
              {t('objectPromptYes')}
            </button>
            <button
              type="button"
              data-action="prompt-not-yet"
              onClick={() => send({ type: 'objection/dismiss-prompt', platform }, 'objectPromptDismissed')}
            >
              {t('objectPromptNotYet')}
            </button>
          </p>
          <p class="actions">{formLink}</p>
          <ObjectionReason platform={platform} rows={rows} />
        </div>
      ) : (
        <>
          <p class="small muted">{t('objectNotRecorded')}</p>
          <p class="actions">
            {formLink}
            {!editing && (
              <button type="button" ref={objectButtonRef} data-action="objection-start" onClick={() => setEditing(true)}>
                {t('objectIHave')}
              </button>
            )}
          </p>
          <ObjectionReason platform={platform} rows={rows} />
          {editing && (
            <ObjectionDateForm
              platform={platform}
              onSave={(objectedAt) => send({ type: 'objection/record', platform, objectedAt }, 'objectSaved')}
              onCancel={() => {
                setEditing(false);
                // The button comes back on the next render: return focus to it.
                setTimeout(() => objectButtonRef.current?.focus());
              }}
            />
          )}
        </>
      )}
      <p role="status" class="status small">
        {status}
      </p>
    </div>
  );
}

/** "I have objected": the date the form was sent, today by default, never in the future. */
function ObjectionDateForm(props: { platform: Platform; onSave: (objectedAt: number) => void; onCancel: () => void }) {
  const today = todayInputValue();
  const [value, setValue] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = `objected-on-${props.platform}`;
  const errorId = `${inputId}-error`;
  useEffect(() => inputRef.current?.focus(), []);

  const submit = (event: Event) => {
    event.preventDefault();
    const time = parseInputDate(value);
    if (time === null) return setError(t('objectDateMissing'));
    if (value > todayInputValue()) return setError(t('objectDateFuture'));
    setError(null);
    props.onSave(time);
  };

  return (
    <form class="date-form" onSubmit={submit} noValidate data-form={`objection-${props.platform}`}>
      <label for={inputId}>{t('objectDateLabel')}</label>
      <input
        id={inputId}
        ref={inputRef}
        type="date"
        value={value}
        max={today}
        required
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? errorId : undefined}
        onInput={(event) => setValue((event.target as HTMLInputElement).value)}
      />
      {error && (
        <p id={errorId} class="error" role="alert">
          {error}
        </p>
      )}
      <p class="actions">
        <button type="submit" class="primary">
          {t('objectSave')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </p>
    </form>
  );
}
