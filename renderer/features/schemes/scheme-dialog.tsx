import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseScheme, CustomScheme } from '../../../shared/review/category-scheme.js';
import { ModalDialog } from '../../app/modal-dialog';
import { schemeLongName } from './scheme-name';

const BUILT_IN: readonly CaseScheme[] = [{ id: 'vic-us' }, { id: 'vic-dhs' }, { id: 'uk-abc' }];

/**
 * Asked once, at a case's first open: which scheme its items are categorised under. Project
 * VIC US is chosen already and the button is one Tab away, so the usual case costs a click or
 * two keys; the unit's imported schemes follow the built-in ones. It cannot be dismissed: the
 * case is not categorised before its scheme is known. When another Veil holds the case, the
 * choice only lasts this session (nothing can be written there) and the dialog says so.
 */
export function SchemeDialog({
  customSchemes,
  readOnly,
  onChoose,
}: {
  customSchemes: readonly CustomScheme[];
  /** Another Veil holds the case's workspace: the choice cannot be kept, and the dialog says so. */
  readOnly: boolean;
  onChoose: (scheme: CaseScheme) => void;
}) {
  const { t } = useTranslation();
  const introId = useId();
  const name = useId();
  const schemes: CaseScheme[] = [...BUILT_IN, ...customSchemes.map((custom): CaseScheme => ({ id: 'custom', custom }))];
  const [chosen, setChosen] = useState(0);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const scheme = schemes[chosen];
    if (scheme) onChoose(scheme);
  };
  return (
    <ModalDialog title={t('schemes.dialogTitle')} describedBy={introId}>
      <form onSubmit={submit}>
        <div id={introId}>
          <p>{t('schemes.dialogIntro')}</p>
          {readOnly && <p className="error-text">{t('schemes.readOnly')}</p>}
        </div>
        <fieldset className="scheme-choices">
          <legend className="visually-hidden">{t('schemes.choices')}</legend>
          {schemes.map((scheme, index) => (
            <label key={scheme.id === 'custom' ? `custom-${scheme.custom.name}` : scheme.id} className="check">
              <input type="radio" name={name} checked={chosen === index} onChange={() => setChosen(index)} />
              {schemeLongName(t, scheme)}
            </label>
          ))}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t('schemes.use')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
