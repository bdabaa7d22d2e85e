import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';

/**
 * An editable text with a copy button. The text starts as `initial` and follows it until the user
 * edits it (then their words are kept). Copying is `navigator.clipboard.writeText` on the click: a
 * user gesture, so no clipboard permission is needed.
 */
export function CopyableText({ id, label, initial, rows = 5 }: { id: string; label: string; initial: string; rows?: number }) {
  const [value, setValue] = useState(initial);
  const [edited, setEdited] = useState(false);
  const [status, setStatus] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => {
    if (!edited) setValue(initial);
  }, [initial, edited]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  };
  return (
    <div class="copyable" data-copyable={id}>
      <label for={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        onInput={(event) => {
          setEdited(true);
          setStatus(null);
          setValue((event.target as HTMLTextAreaElement).value);
        }}
      />
      <p class="actions">
        <button type="button" data-action="copy" onClick={copy}>
          {t('copyText')}
        </button>
        <span role="status" class="status small" data-copy-status={status ?? undefined}>
          {status === 'copied' ? t('copyDone') : status === 'failed' ? t('copyFailed') : ''}
        </span>
      </p>
    </div>
  );
}
