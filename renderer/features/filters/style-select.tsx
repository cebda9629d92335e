import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FILTER_STYLES, FilterStyleSchema, type FilterStyle } from '../../../shared/media/filter-profile.js';

const STYLE_LABEL_KEYS = {
  blur: 'filters.styleBlur',
  illustration: 'filters.styleIllustration',
  silhouette: 'filters.styleSilhouette',
} as const;

interface StyleSelectProps {
  /** The select's visible label, which is also its accessible name. */
  label: string;
  value: FilterStyle;
  onChange: (style: FilterStyle) => void;
  /** A sentence under the select, tied to it for screen readers. */
  help?: string;
  disabled?: boolean;
  className?: string;
  /** Keeps the label for screen readers and voice control only, where a bar has no room for it. */
  labelHidden?: boolean;
}

/** A labelled choice of filter style (blur, illustration, silhouette), for Settings and the viewer. */
export function StyleSelect({ label, value, onChange, help, disabled = false, className = 'field', labelHidden = false }: StyleSelectProps) {
  const { t } = useTranslation();
  const id = useId();
  const helpId = `${id}-help`;
  return (
    <div className={className}>
      <label htmlFor={id} className={labelHidden ? 'visually-hidden' : 'field-label'}>
        {label}
      </label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-describedby={help ? helpId : undefined}
        onChange={(e) => {
          const parsed = FilterStyleSchema.safeParse(e.currentTarget.value);
          if (parsed.success) onChange(parsed.data);
        }}
      >
        {FILTER_STYLES.map((style) => (
          <option key={style} value={style}>
            {t(STYLE_LABEL_KEYS[style])}
          </option>
        ))}
      </select>
      {help && (
        <span id={helpId} className="field-help">
          {help}
        </span>
      )}
    </div>
  );
}
