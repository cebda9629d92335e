import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_GROUP_SIZE } from '../../../shared/team-stats/team-stats-schema.js';
import { MAX_MIN_GROUP_SIZE } from '../../../shared/team-sharing/team-sharing-contract.js';
import { FolderField } from '../team-sharing/folder-field';
import { checkTeamStatsForm, type TeamStatsFormDraft, type TeamStatsFormProblem, type TeamStatsQuery } from './team-stats-query';

export interface TeamStatsFormProps {
  initial: TeamStatsFormDraft;
  canPickFolder: boolean;
  busy: boolean;
  onShow: (query: TeamStatsQuery) => void;
}

function WeekField({
  label,
  helpId,
  value,
  invalid,
  onChange,
}: {
  label: string;
  helpId: string;
  value: string;
  invalid: boolean;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="field team-week-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        type="text"
        value={value}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={helpId}
        aria-invalid={invalid || undefined}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    </div>
  );
}

/**
 * The team view's question: which folder, the minimum group size k (never below 5) and
 * optionally a range of weeks. Checked here before anything is sent; every problem is
 * listed in one alert and its fields are marked invalid.
 */
export function TeamStatsForm({ initial, canPickFolder, busy, onShow }: TeamStatsFormProps) {
  const { t } = useTranslation();
  const sizeId = useId();
  const weekHelpId = useId();
  const [draft, setDraft] = useState<TeamStatsFormDraft>(initial);
  const [problems, setProblems] = useState<TeamStatsFormProblem[]>([]);
  const update = (change: Partial<TeamStatsFormDraft>) => setDraft((prev) => ({ ...prev, ...change }));
  const has = (...codes: TeamStatsFormProblem[]) => codes.some((code) => problems.includes(code));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = checkTeamStatsForm(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems([]);
    onShow(checked.query);
  };

  return (
    <form className="team-stats-form" onSubmit={onSubmit} noValidate>
      <div className="team-stats-form-row">
        <FolderField
          label={t('teamStats.folder')}
          help={t('teamStats.folderHelp')}
          value={draft.folder}
          onChange={(folder) => update({ folder })}
          canPickFolder={canPickFolder}
          chooseLabel={t('teamStats.choose')}
          chooseFailed={(message) => t('teamStats.chooseFailed', { message })}
          invalid={has('folder')}
        />
        <div className="field team-size-field">
          <label htmlFor={sizeId} className="field-label">
            {t('teamStats.minGroupSize')}
          </label>
          <input
            id={sizeId}
            type="number"
            inputMode="numeric"
            min={MIN_GROUP_SIZE}
            max={MAX_MIN_GROUP_SIZE}
            step={1}
            value={draft.minGroupSize}
            aria-describedby={`${sizeId}-help`}
            aria-invalid={has('minGroupSizeLow', 'minGroupSizeHigh', 'minGroupSizeWhole') || undefined}
            onChange={(event) => update({ minGroupSize: event.currentTarget.value })}
          />
          <span id={`${sizeId}-help`} className="field-help">
            {t('teamStats.minGroupSizeHelp')}
          </span>
        </div>
        <WeekField
          label={t('teamStats.fromWeek')}
          helpId={weekHelpId}
          value={draft.fromWeek}
          invalid={has('fromWeek', 'order')}
          onChange={(fromWeek) => update({ fromWeek })}
        />
        <WeekField
          label={t('teamStats.toWeek')}
          helpId={weekHelpId}
          value={draft.toWeek}
          invalid={has('toWeek', 'order')}
          onChange={(toWeek) => update({ toWeek })}
        />
        <div className="team-show">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('teamStats.show')}
          </button>
        </div>
      </div>
      {/* One line for both week fields (each reads it as its description). */}
      <p id={weekHelpId} className="field-help team-week-help">
        {t('teamStats.weekHelp')}
      </p>
      {problems.length > 0 && (
        <div role="alert" className="error-text">
          <ul className="team-form-problems">
            {problems.map((problem) => (
              <li key={problem}>{t(`teamStats.errors.${problem}`, { max: MAX_MIN_GROUP_SIZE })}</li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
