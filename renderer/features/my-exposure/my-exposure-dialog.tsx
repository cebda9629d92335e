import { useTranslation } from 'react-i18next';
import type { MyExposure } from '../../../shared/exposure/exposure-summary.js';
import { useVeil } from '../../api/api';
import { useErrorText } from '../../app/error-message';
import { ModalDialog } from '../../app/modal-dialog';
import { useQuery } from '../../hooks/use-query';
import { useFormatters } from '../../i18n/format';
import { AvoidedSection } from './avoided-section';
import { ChartSection } from './chart-section';
import { dayRows, hasAnyExposure, weekRows } from './exposure-rows';
import { TodayFigures } from './today-figures';
import { weekdayName } from './weekday-name';
import { WellbeingFigures } from './wellbeing-figures';

function Figures({ data }: { data: MyExposure }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (!hasAnyExposure(data)) {
    return (
      <div className="exposure-empty">
        <p>{t('myExposure.empty')}</p>
        <p className="muted">{t('myExposure.emptyHelp')}</p>
        <AvoidedSection avoided={data.avoided} />
      </div>
    );
  }
  return (
    <>
      <section className="exposure-section" aria-labelledby="my-exposure-today">
        <h3 id="my-exposure-today">{t('myExposure.today')}</h3>
        <TodayFigures today={data.today} />
        <WellbeingFigures counts={data.today.wellbeing} />
      </section>
      <ChartSection
        title={t('myExposure.thisWeek')}
        summary={t('myExposure.total', { duration: format.figureDurationMs(data.thisWeek.totals.exposureMs) })}
        rows={dayRows(data.thisWeek.days, format.locale)}
        chartDescription={t('myExposure.weekChart')}
        tableCaption={t('myExposure.weekTable')}
        periodHeader={t('myExposure.day')}
        showTableLabel={t('myExposure.showWeekTable')}
      >
        <p className="muted">{t('weekStart.weeksFrom', { day: weekdayName(data.weekStartsOn, format.locale) })}</p>
        <WellbeingFigures counts={data.thisWeek.totals.wellbeing} />
      </ChartSection>
      <AvoidedSection avoided={data.avoided} />
      <ChartSection
        title={t('myExposure.last12Weeks')}
        rows={weekRows(data.last12Weeks, format.locale)}
        chartDescription={t('myExposure.weeksChart')}
        tableCaption={t('myExposure.weeksTable')}
        periodHeader={t('myExposure.week')}
        showTableLabel={t('myExposure.showWeeksTable')}
        withCounts
      />
    </>
  );
}

/**
 * "My exposure": the investigator's own figures from getMyExposure, fetched afresh each
 * time the dialog opens. The app hides all media while it is open (the caller adds the
 * 'my-exposure' reason), so no case media shows behind it and none is counted.
 */
export function MyExposureDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const client = useVeil();
  const { state: load, reload: retry } = useQuery([client], () => client.call('getMyExposure', {}));

  return (
    <ModalDialog title={t('myExposure.title')} className="my-exposure-dialog" onClose={onClose}>
      <div className="my-exposure-body" aria-busy={load.status === 'loading'}>
        {load.status === 'loading' && <p role="status">{t('myExposure.loading')}</p>}
        {load.status === 'failed' && (
          <div role="alert">
            <p className="error-text">{t('myExposure.failed', { message: errorText(load.error) })}</p>
            <button type="button" className="button" onClick={retry}>
              {t('myExposure.retry')}
            </button>
          </div>
        )}
        {load.status === 'ready' && <Figures data={load.data} />}
      </div>
      <p className="exposure-privacy muted">{t('myExposure.privacy')}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('myExposure.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
