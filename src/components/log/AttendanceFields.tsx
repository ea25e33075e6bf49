/**
 * Attendance: the total, and the three breakdowns (sex, age, ethnic group), each with a running
 * sum beside it ("adds up" / "off by N"), read out politely as it changes.
 */
import { useTranslation, type IslandKey } from './i18n.ts';
import { labelOf } from '../../sessions/figures.ts';
import { breakdownBands, count, type Breakdown, type FormValues } from './form-values.ts';
import { CountField, describedBy, ErrorText, Hint } from './fields.tsx';
import { fieldId } from './problems.ts';

const hints: Partial<Record<Breakdown, IslandKey>> = { byEthnicity: 'log.byEthnicity.hint' };

interface Props {
  values: FormValues;
  errors: Map<string, string>;
  formatNumber: (value: number) => string;
  onTotal: (value: string) => void;
  onCell: (part: Breakdown, band: string, value: string) => void;
}

function RunningSum({
  part,
  values,
  formatNumber,
}: {
  part: Breakdown;
  values: FormValues;
  formatNumber: (value: number) => string;
}) {
  const { t } = useTranslation();
  const cells = Object.values<string>(values[part]).map((text) => count(text, 0) ?? 0);
  const sum = cells.reduce((total, cell) => total + (Number.isFinite(cell) ? cell : 0), 0);
  const total = count(values.total, undefined);
  const known = total !== undefined && Number.isFinite(total);
  const message = !known
    ? t('log.sum', { sum: formatNumber(sum) })
    : sum === total
      ? t('log.sum.ok', { sum: formatNumber(sum) })
      : t('log.sum.off', {
          sum: formatNumber(sum),
          difference: formatNumber(Math.abs(total - sum)),
          total: formatNumber(total),
        });
  const state = !known ? '' : sum === total ? 'ok' : 'off';
  return (
    <p className={`log-sum ${state}`} id={`${fieldId(`attendance.${part}`)}-sum`} aria-live="polite">
      {message}
    </p>
  );
}

export function AttendanceFields({ values, errors, formatNumber, onTotal, onCell }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="log-section">
      <legend>{t('log.attendance')}</legend>
      <CountField
        field="attendance.total"
        label={t('log.total')}
        hint={t('log.total.hint')}
        value={values.total}
        error={errors.get('attendance.total')}
        onChange={onTotal}
      />
      {(Object.keys(breakdownBands) as Breakdown[]).map((part) => {
        const field = `attendance.${part}`;
        const error = errors.get(field);
        const hint = hints[part];
        const description = [describedBy(field, Boolean(hint), error), `${fieldId(field)}-sum`]
          .filter(Boolean)
          .join(' ');
        return (
          <fieldset
            key={part}
            id={fieldId(field)}
            className={error ? 'log-breakdown has-error' : 'log-breakdown'}
            aria-describedby={description}
          >
            <legend>{t(`log.${part}`)}</legend>
            <Hint field={field} text={hint ? t(hint) : undefined} />
            <ErrorText field={field} error={error} />
            <div className="log-cells">
              {breakdownBands[part].map((band) => (
                <CountField
                  key={band}
                  field={`${field}.${band}`}
                  label={t(labelOf(part, band) as IslandKey)}
                  value={values[part][band as keyof FormValues[typeof part]]}
                  error={errors.get(`${field}.${band}`)}
                  onChange={(value) => onCell(part, band, value)}
                />
              ))}
            </div>
            <RunningSum part={part} values={values} formatNumber={formatNumber} />
          </fieldset>
        );
      })}
    </fieldset>
  );
}
