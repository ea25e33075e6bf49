/**
 * Where the session was: the area (former district) narrows the list of communes; without it
 * the communes are grouped by area, and choosing one sets the area. Then the venue.
 */
import { getLocale, sourceLocale } from '../../i18n/locales.ts';
import { useTranslation } from './i18n.ts';
import { areas } from '../../sessions/places.ts';
import { logLimits } from '../../sessions/schema.ts';
import { Field } from './fields.tsx';
import type { FormValues } from './form-values.ts';

interface Props {
  values: FormValues;
  errors: Map<string, string>;
  onChange: (change: Partial<FormValues>) => void;
}

export function PlaceFields({ values, errors, onChange }: Props) {
  const { t, lang } = useTranslation();
  const area = areas.find((item) => item.id === values.area);
  // Place names are Vietnamese whatever the page's language: say so to screen readers.
  const placeLang = lang === sourceLocale ? undefined : getLocale(sourceLocale).tag;
  return (
    <fieldset className="log-section">
      <legend>{t('log.where')}</legend>
      <Field field="area" label={t('log.area')}>
        {(control) => (
          <select
            {...control}
            value={values.area}
            onChange={(event) => {
              const next = event.target.value;
              const keep = areas
                .find((item) => item.id === next)
                ?.communes.some((commune) => commune.id === values.communeId);
              onChange({ area: next, communeId: keep ? values.communeId : '' });
            }}
          >
            <option value="">{t('log.area.choose')}</option>
            {areas.map((item) => (
              <option key={item.id} value={item.id} lang={placeLang}>
                {item.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field field="place.communeId" label={t('log.commune')} error={errors.get('place.communeId')}>
        {(control) => (
          <select
            {...control}
            value={values.communeId}
            onChange={(event) => {
              const communeId = event.target.value;
              onChange({
                communeId,
                area:
                  areas.find((item) => item.communes.some((commune) => commune.id === communeId))?.id ?? values.area,
              });
            }}
          >
            <option value="">{t('log.commune.choose')}</option>
            {area
              ? area.communes.map((commune) => (
                  <option key={commune.id} value={commune.id} lang={placeLang}>
                    {commune.name}
                  </option>
                ))
              : areas.map((item) => (
                  <optgroup key={item.id} label={item.name} lang={placeLang}>
                    {item.communes.map((commune) => (
                      <option key={commune.id} value={commune.id}>
                        {commune.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
          </select>
        )}
      </Field>
      <Field field="place.venue" label={t('log.venue')} hint={t('log.venue.hint')} error={errors.get('place.venue')}>
        {(control) => (
          <input
            {...control}
            type="text"
            autoComplete="off"
            maxLength={logLimits.venue.max}
            value={values.venue}
            onChange={(event) => onChange({ venue: event.target.value })}
          />
        )}
      </Field>
    </fieldset>
  );
}
