/**
 * Enrolling this device, once and online, with the code from the coordinator: the token goes
 * to IndexedDB (src/offline/device.ts) and the session form appears.
 */
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from './i18n.ts';
import { enrol, EnrolError, type Enrolment } from '../../offline/device.ts';
import { Field } from './fields.tsx';

export function EnrolForm({ onEnrolled }: { onEnrolled: (enrolment: Enrolment) => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!code.trim() || !deviceName.trim()) {
      setError(t('enrol.invalid'));
      return;
    }
    if (!navigator.onLine) {
      setError(t('enrol.offline'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      onEnrolled(await enrol(code, deviceName));
    } catch (failure) {
      setError(t(`enrol.${failure instanceof EnrolError ? failure.reason : 'server'}`));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="log-form enrol-form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="enrol-title"
    >
      <h2 id="enrol-title">{t('enrol.title')}</h2>
      <p>{t('enrol.intro')}</p>
      <Field field="enrol-code" label={t('enrol.code')} hint={t('enrol.code.hint')}>
        {(control) => (
          <input
            {...control}
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
        )}
      </Field>
      <Field field="enrol-device" label={t('enrol.deviceName')} hint={t('enrol.deviceName.hint')}>
        {(control) => (
          <input
            {...control}
            type="text"
            autoComplete="off"
            maxLength={100}
            value={deviceName}
            onChange={(event) => setDeviceName(event.target.value)}
          />
        )}
      </Field>
      <div className="log-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('enrol.working') : t('enrol.submit')}
        </button>
      </div>
      <p className="log-error" role="alert">
        {error}
      </p>
    </form>
  );
}
