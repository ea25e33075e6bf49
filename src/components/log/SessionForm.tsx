/**
 * The session form: checked with the shared schema on Submit, saved to the outbox first, then
 * synced. Keeps a draft while the user types; errors stand beside their fields and the first
 * one takes the focus.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation, type IslandKey } from './i18n.ts';
import {
  describeProblems,
  followUps,
  logLimits,
  looksLikePhoneNumber,
  sessionLogSchema,
  sessionSettings,
  todayInLaoCai,
  type SessionLog,
} from '../../sessions/schema.ts';
import { labelOf } from '../../sessions/figures.ts';
import { audiences } from '../../content/vocabulary.ts';
import { locales } from '../../i18n/locales.ts';
import { saveLog, type OutboxEntry, type OutboxState } from '../../offline/outbox.ts';
import { AttendanceFields } from './AttendanceFields.tsx';
import { Choices, CountField, describedBy, ErrorText, Field } from './fields.tsx';
import { saveDraft } from './draft-store.ts';
import { newClientId, newDraft, toCandidate, withChange, type Draft, type FormValues } from './form-values.ts';
import { fieldFor, fieldId, limitValues, problemMessage } from './problems.ts';
import { PlaceFields } from './PlaceFields.tsx';
import { QuizFields } from './QuizFields.tsx';

export interface FormOptions {
  /** The lesson packs of the page's language; `lang` when the title fell back to another. */
  materials: readonly { slug: string; title: string; lang?: string }[];
}

interface Props extends FormOptions {
  formatNumber: (value: number) => string;
  /** Take the focus when shown (a correction was just opened). */
  focusOnMount: boolean;
  onSaved: (entry: OutboxEntry) => void;
  /** The draft this tab opened (draft-store.ts), or none: a new empty form. */
  initial: Draft | undefined;
  /** Where each log of the outbox is now, so the line under the button says what became of the saved one. */
  stateOf: (clientId: string) => OutboxState | undefined;
  /** A warning that stops sending (a revoked device), shown beside the button. */
  warning?: ReactNode;
}

type Status =
  | { kind: 'errors'; count: number }
  | { kind: 'saved'; clientId: string }
  | { kind: 'failed'; reason: string }
  | undefined;

/** The line under the button once a log is saved: what the outbox says of it now, not at the moment of saving. */
const savedKey: Record<OutboxState, IslandKey> = {
  waiting: 'log.saved',
  sending: 'log.saved',
  sent: 'log.saved.sent',
  rejected: 'log.saved.rejected',
  conflict: 'log.saved.rejected',
};

/** Focuses the first field with an error, in the order the page shows them. */
function focusFirst(fields: Iterable<string>): void {
  const elements = [...fields]
    .map((field) => document.getElementById(fieldId(field)))
    .filter((element): element is HTMLElement => element !== null);
  elements.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const first = elements[0];
  const control =
    first instanceof HTMLFieldSetElement ? first.querySelector<HTMLElement>('input, select, textarea') : first;
  control?.focus();
}

export function SessionForm({ materials, formatNumber, focusOnMount, onSaved, initial, stateOf, warning }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => initial ?? newDraft());
  const [attempted, setAttempted] = useState(false);
  const [status, setStatus] = useState<Status>();
  const heading = useRef<HTMLHeadingElement>(null);
  const { values, correcting } = draft;

  // Kept in this tab's slot; an empty form keeps nothing, so no default outlives the day it was worked out.
  // Written as the keystroke is drawn (a layout effect), not after the next paint (Preact runs
  // `useEffect` a frame later, or 100 ms in a background tab): a phone that drops the tab at once
  // keeps the last figure typed.
  useLayoutEffect(() => saveDraft(draft), [draft]);
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);

  const check = (typed: FormValues): { log?: SessionLog; errors: Map<string, string> } => {
    const candidate = toCandidate(typed);
    const result = sessionLogSchema.safeParse(candidate);
    if (result.success) return { log: result.data, errors: new Map() };
    const errors = new Map<string, string>();
    for (const problem of describeProblems(result.error)) {
      const field = fieldFor(problem.path) ?? '';
      if (!errors.has(field)) errors.set(field, problemMessage(problem, candidate, t, formatNumber));
    }
    return { errors };
  };
  // Errors show after the first Submit, then follow every change, so a fixed field clears.
  const errors = useMemo(() => (attempted ? check(values).errors : new Map<string, string>()), [attempted, values, t]);

  const set = (change: Partial<FormValues>) => {
    setStatus(undefined);
    setDraft((previous) => withChange(previous, change));
  };

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(true);
    const { log, errors: found } = check(values);
    if (!log) {
      setStatus({ kind: 'errors', count: found.size });
      requestAnimationFrame(() => focusFirst(found.keys()));
      return;
    }
    try {
      const entry = await saveLog(log, correcting?.clientId, new Date(), newClientId);
      setDraft(newDraft());
      setAttempted(false);
      setStatus({ kind: 'saved', clientId: entry.clientId });
      onSaved(entry);
    } catch (error) {
      setStatus({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  };

  const cancelCorrection = () => {
    setAttempted(false);
    setStatus(undefined);
    setDraft(newDraft());
  };

  const phoneWarning = looksLikePhoneNumber(values.notes);
  const formError = errors.get('');
  const today = todayInLaoCai();
  const aYearBack = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  return (
    <form className="log-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="log-form-title">
      <h2 id="log-form-title" ref={heading} tabIndex={-1}>
        {correcting ? t('log.correcting') : t('log.new')}
      </h2>
      {correcting && <p className="log-note">{t('log.correcting.text')}</p>}
      <p className="log-hint">{t('log.draftKept')}</p>
      {status?.kind === 'errors' && (
        <p className="log-error log-summary" role="alert">
          {t('log.errors.summary', { number: formatNumber(status.count) })}
        </p>
      )}
      {formError && <p className="log-error">{formError}</p>}

      <fieldset className="log-section">
        <legend>{t('log.when')}</legend>
        <Field field="date" label={t('log.date')} error={errors.get('date')}>
          {(control) => (
            <input
              {...control}
              type="date"
              min={aYearBack}
              max={today}
              value={values.date}
              onChange={(event) => set({ date: event.target.value })}
            />
          )}
        </Field>
        <Field field="startTime" label={t('log.startTime')} error={errors.get('startTime')}>
          {(control) => (
            <input
              {...control}
              type="time"
              value={values.startTime}
              onChange={(event) => set({ startTime: event.target.value })}
            />
          )}
        </Field>
        <CountField
          field="durationMinutes"
          label={t('log.duration')}
          hint={t('log.duration.hint', limitValues(logLimits.durationMinutes, formatNumber))}
          value={values.durationMinutes}
          error={errors.get('durationMinutes')}
          onChange={(durationMinutes) => set({ durationMinutes })}
        />
      </fieldset>

      <PlaceFields values={values} errors={errors} onChange={set} />

      <fieldset className="log-section">
        <legend>{t('log.who')}</legend>
        <Choices
          field="setting"
          type="radio"
          legend={t('log.setting')}
          error={errors.get('setting')}
          selected={[values.setting]}
          onChange={([setting = '']) => set({ setting })}
          options={sessionSettings.map((value) => ({
            value,
            label: t(value === 'other' ? 'log.setting.other' : `setting.${value}`),
          }))}
        />
        <Choices
          field="audience"
          type="checkbox"
          legend={t('log.audience')}
          hint={t('log.choose.hint')}
          error={errors.get('audience')}
          selected={values.audience}
          onChange={(audience) => set({ audience })}
          options={audiences.map((value) => ({ value, label: t(`audience.${value}`) }))}
        />
        <Choices
          field="languages"
          type="checkbox"
          legend={t('log.languages')}
          hint={t('log.choose.hint')}
          error={errors.get('languages')}
          selected={values.languages}
          onChange={(chosen) => set({ languages: chosen })}
          options={locales.map((locale) => ({ value: locale.path, label: locale.endonym, lang: locale.tag }))}
        />
        {materials.length > 0 ? (
          <Choices
            field="materials"
            type="checkbox"
            optional
            legend={t('log.materials')}
            error={errors.get('materials')}
            selected={values.materials}
            onChange={(chosen) => set({ materials: chosen })}
            options={materials.map((material) => ({
              value: material.slug,
              label: material.title,
              lang: material.lang,
            }))}
          />
        ) : (
          <p className="log-hint">{t('log.materials.none')}</p>
        )}
        <Field
          field="facilitators"
          label={t('log.facilitators')}
          hint={t('log.facilitators.hint', limitValues(logLimits.facilitators, formatNumber))}
          error={errors.get('facilitators')}
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              autoComplete="off"
              value={values.facilitators}
              onChange={(event) => set({ facilitators: event.target.value })}
            />
          )}
        </Field>
      </fieldset>

      <AttendanceFields
        values={values}
        errors={errors}
        formatNumber={formatNumber}
        onTotal={(total) => set({ total })}
        onCell={(part, band, text) => set({ [part]: { ...values[part], [band]: text } })}
      />

      <QuizFields values={values} errors={errors} formatNumber={formatNumber} onChange={set} />

      <fieldset
        className="log-section"
        id={fieldId('followUps')}
        aria-describedby={describedBy('followUps', true, errors.get('followUps'))}
      >
        <legend>{t('log.followUps')}</legend>
        <p className="log-hint" id={`${fieldId('followUps')}-hint`}>
          {t('log.followUps.hint')}
        </p>
        <ErrorText field="followUps" error={errors.get('followUps')} />
        <div>
          {followUps.map((kind) => (
            <CountField
              key={kind}
              field={`followUps.${kind}`}
              label={t(labelOf('followUps', kind) as IslandKey)}
              value={values.followUps[kind]}
              error={errors.get(`followUps.${kind}`)}
              onChange={(text) => set({ followUps: { ...values.followUps, [kind]: text } })}
            />
          ))}
        </div>
      </fieldset>

      <Field field="notes" label={t('log.notes')} hint={t('log.notes.hint')} error={errors.get('notes')} optional>
        {(control) => (
          <>
            {phoneWarning && (
              <p className="log-warning" id="log-notes-warning">
                {t('log.notes.phoneWarning')}
              </p>
            )}
            <textarea
              {...control}
              aria-describedby={
                [control['aria-describedby'], phoneWarning ? 'log-notes-warning' : ''].filter(Boolean).join(' ') ||
                undefined
              }
              rows={4}
              value={values.notes}
              onChange={(event) => set({ notes: event.target.value })}
            />
          </>
        )}
      </Field>

      {warning}
      <div className="log-actions">
        <button type="submit" className="button primary">
          {correcting ? t('log.saveCorrection') : t('log.submit')}
        </button>
        {correcting && (
          <button type="button" className="button" onClick={cancelCorrection}>
            {t('log.cancelCorrection')}
          </button>
        )}
      </div>
      <p className="log-status" role="status">
        {status?.kind === 'saved' && t(savedKey[stateOf(status.clientId) ?? 'waiting'])}
        {status?.kind === 'failed' && t('log.saveFailed', { reason: status.reason })}
      </p>
    </form>
  );
}
