import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OVERRULE_REASON_CHARS, OverruleReasonSchema, reasonChars } from '../../../shared/review/review-contract.js';
import { useErrorText } from '../../app/error-message';
import { FormFooter } from '../../app/form-fields';
import { ModalDialog } from '../../app/modal-dialog';
import { describedBy, FieldError } from '../../app/form-validation';
import { useFormatters } from '../../i18n/format';

export interface OverruleDialogProps {
  /** The category asked for, as buttons name it ("0, Non-pertinent"). */
  categoryName: string;
  /** Sends the change with the trimmed reason; a rejection keeps the dialog open with the text as typed. */
  onConfirm: (reason: string) => Promise<void>;
  /** Leaves the category as the hash set gave it. Escape does this too (and still hides all media). */
  onCancel: () => void;
}

/** Which rule a typed reason breaks, for the message beside the field; null when it is good. */
function reasonProblem(text: string): 'tooShort' | 'tooLong' | 'notPlain' | null {
  const parsed = OverruleReasonSchema.safeParse(text);
  if (parsed.success) return null;
  const trimmed = text.trim();
  if (reasonChars(trimmed) < OVERRULE_REASON_CHARS.min) return 'tooShort';
  if (trimmed.length > OVERRULE_REASON_CHARS.max) return 'tooLong';
  return 'notPlain';
}

/**
 * Asks why a known item's category, which came from its hash set, is being changed. The
 * reason is required (3 to 500 characters of plain text, trimmed) and kept on the decision's
 * line in the item's history; Cancel, Alt+C and Escape leave the category as it was.
 */
export function OverruleDialog({ categoryName, onConfirm, onCancel }: OverruleDialogProps) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const format = useFormatters();
  const id = useId();
  const [text, setText] = useState('');
  const [shown, setShown] = useState<'tooShort' | 'tooLong' | 'notPlain' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const bounds = { min: format.count(OVERRULE_REASON_CHARS.min), max: format.count(OVERRULE_REASON_CHARS.max) };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = reasonProblem(text);
    setShown(problem);
    if (problem !== null) {
      document.getElementById(id)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    onConfirm(text.trim()).catch((failure: unknown) => {
      setError(t('overrule.failed', { message: errorText(failure) }));
      setBusy(false);
    });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Escape still reaches the app-wide handler that hides media; here it also cancels.
    if (event.key === 'Escape') onCancel();
  };

  return (
    <div onKeyDown={onKeyDown}>
      <ModalDialog title={t('overrule.title')} describedBy={`${id}-intro`} escapeHint={t('overrule.escape')} onClose={onCancel}>
        <form className="form" onSubmit={onSubmit} noValidate>
          <p id={`${id}-intro`}>{t('overrule.intro', { category: categoryName })}</p>
          <div className="field">
            <label htmlFor={id} className="field-label">
              {t('overrule.label')}
            </label>
            <textarea
              id={id}
              rows={4}
              required
              value={text}
              aria-invalid={shown !== null ? true : undefined}
              aria-describedby={describedBy(`${id}-help`, shown !== null && `${id}-error`)}
              onChange={(event) => {
                setText(event.currentTarget.value);
                // A message already shown follows the text, so it goes as soon as the reason is good.
                if (shown !== null) setShown(reasonProblem(event.currentTarget.value));
              }}
            />
            <span id={`${id}-help`} className="field-help">
              {t('overrule.help', bounds)}
            </span>
            <FieldError id={`${id}-error`} error={shown === null ? null : t(`overrule.${shown}`, bounds)} />
          </div>
          <FormFooter
            error={error}
            busy={busy}
            cancelLabel={t('overrule.cancel')}
            submitLabel={t('overrule.confirm')}
            busyLabel={t('overrule.busy')}
            onCancel={onCancel}
          />
        </form>
      </ModalDialog>
    </div>
  );
}
