/**
 * The log page's island: enrol this device if it has no token, then the session form and the
 * outbox, with the sync running in the background (src/offline/sync.ts).
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { forgetEnrolment, getEnrolment, type Enrolment } from '../../offline/device.ts';
import { listLogs, type OutboxEntry } from '../../offline/outbox.ts';
import { savePage } from '../../offline/save.ts';
import { notify, outboxChannel } from '../../offline/sync-core.ts';
import { requestBackgroundSync, startSync, type SyncScheduler, type SyncStatus } from '../../offline/sync.ts';
import { handOver } from './export-unsent.ts';
import { claimDraft } from './draft-store.ts';
import { correctionOf, type Draft } from './form-values.ts';
import { formatters, TranslateContext, useTranslation, type Formatters, type IslandKey } from './i18n.ts';
import { sourceLocale } from '../../i18n/locales.ts';
import { OutboxList } from './OutboxList.tsx';
import type { FormOptions } from './SessionForm.tsx';
import { translator, type ClientStrings } from '../../i18n/translate.ts';

// Each loaded only when shown: a phone enrols once, and the form is not needed until it has.
const EnrolForm = lazy(() => import('./EnrolForm.tsx').then(({ EnrolForm }) => ({ default: EnrolForm })));
const SessionForm = lazy(() => import('./SessionForm.tsx').then(({ SessionForm }) => ({ default: SessionForm })));

interface Props extends FormOptions {
  lang: string;
  /** The locale `Intl` knows for this language (the locale table's formatLocale). */
  formatLocale: string;
  /** The page language's `log.*`, `outbox.*`, `enrol.*`, `setting.*` and `audience.*` strings (i18n.ts). */
  strings: ClientStrings<IslandKey>;
}

type Device = { state: 'loading' } | { state: 'none' } | { state: 'enrolled'; enrolment: Enrolment };

/** The draft the form opens with: this tab's own, once claimed (draft-store.ts). */
type Opening = { claimed: false } | { claimed: true; draft: Draft | undefined };

function LogPage({ format, ...options }: FormOptions & { format: Formatters }) {
  const { t } = useTranslation();
  const [device, setDevice] = useState<Device>({ state: 'loading' });
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const [status, setStatus] = useState<SyncStatus>({ running: false });
  const [formKey, setFormKey] = useState(0);
  const [opening, setOpening] = useState<Opening>({ claimed: false });
  const [exportNote, setExportNote] = useState<string>();
  const [storageMayBeCleared, setStorageMayBeCleared] = useState(false);
  const scheduler = useRef<SyncScheduler>(undefined);

  const refresh = useCallback(async () => setEntries(await listLogs()), []);

  useEffect(() => {
    void getEnrolment().then((enrolment) =>
      setDevice(enrolment ? { state: 'enrolled', enrolment } : { state: 'none' }),
    );
    void claimDraft().then((draft) => setOpening({ claimed: true, draft }));
    void refresh();
    const channel = new BroadcastChannel(outboxChannel);
    channel.onmessage = () => void refresh();
    return () => channel.close();
  }, [refresh]);

  const enrolled = device.state === 'enrolled';
  useEffect(() => {
    if (!enrolled || !navigator.onLine) return;
    // An enrolled phone keeps this page (and its scripts) for the days without signal; it is too
    // heavy to precache for every visitor. Refreshed on each visit online.
    void savePage(location.pathname.split('/')[1] ?? sourceLocale, 'log')
      .then(() => (document.documentElement.dataset['logPageSaved'] = 'true'))
      .catch(() => undefined);
  }, [enrolled]);
  useEffect(() => {
    if (!enrolled) return;
    // Logs may wait on this phone for days: ask the browser not to clear them when space runs low.
    // Asked on enrolment and on each visit until granted; a refusal is said, with the way out.
    void (async () => {
      const storage = (navigator as Partial<Navigator>).storage as Partial<StorageManager> | undefined;
      if (!storage?.persist) return;
      const kept = (await storage.persisted?.()) === true || (await storage.persist().catch(() => false));
      setStorageMayBeCleared(!kept);
    })();
  }, [enrolled]);
  useEffect(() => {
    if (!enrolled) return;
    const started = startSync((next) => {
      setStatus(next);
      void refresh();
    });
    scheduler.current = started;
    return () => started.stop();
  }, [enrolled, refresh]);

  if (device.state === 'loading' || !opening.claimed) return <p className="log-loading">{t('log.loading')}</p>;

  const lostEnrolment = status.outcome?.kind === 'notEnrolled' || status.outcome?.kind === 'revoked';
  const enrolAgain = async () => {
    await forgetEnrolment();
    setStatus({ running: false });
    setDevice({ state: 'none' });
  };
  const correct = (entry: OutboxEntry) => {
    setOpening({ claimed: true, draft: correctionOf(entry) });
    setFormKey((key) => key + 1);
  };
  const exportUnsent = async (kind: 'json' | 'csv') => {
    if (device.state !== 'enrolled') return;
    // Loaded when first needed (the CSV writer is most of it); the page's offline copy holds it too.
    const { rescueCsv, rescueFileName, rescueJson, unsentEntries } = await import('../../offline/rescue-file.ts');
    const unsent = unsentEntries(await listLogs());
    const now = new Date();
    const text = kind === 'json' ? rescueJson(device.enrolment, unsent, now) : rescueCsv(device.enrolment, unsent);
    const file = new File([text], rescueFileName(device.enrolment, now, kind), {
      type: kind === 'json' ? 'application/json' : 'text/csv',
    });
    const handed = await handOver(file);
    setExportNote(
      handed === 'cancelled'
        ? undefined
        : t(`outbox.export.${handed}`, { number: format.number(unsent.length), name: file.name }),
    );
  };
  const saved = () => {
    void refresh();
    // Other tabs list the new log too.
    notify();
    void scheduler.current?.syncNow();
    void requestBackgroundSync();
  };

  return (
    <Suspense fallback={<p className="log-loading">{t('log.loading')}</p>}>
      {device.state === 'none' ? (
        <EnrolForm onEnrolled={(enrolment) => setDevice({ state: 'enrolled', enrolment })} />
      ) : (
        <>
          <p className="log-team">{t('enrol.team', { team: device.enrolment.team.name })}</p>
          {storageMayBeCleared && (
            <p className="log-warning" data-storage="may-be-cleared">
              {t('log.storage.notPersisted')}
            </p>
          )}
          <SessionForm
            key={formKey}
            {...options}
            formatNumber={format.number}
            focusOnMount={formKey > 0}
            onSaved={saved}
            initial={opening.draft}
            stateOf={(clientId) => entries.find((entry) => entry.clientId === clientId)?.state}
            warning={
              // Beside the button, where the person is when sending fails, not far up the page.
              lostEnrolment && (
                <div className="log-warning" role="alert">
                  <p>{t('enrol.revoked')}</p>
                  <button type="button" className="button" onClick={() => void enrolAgain()}>
                    {t('enrol.again')}
                  </button>
                </div>
              )
            }
          />
        </>
      )}
      {(device.state === 'enrolled' || entries.length > 0) && (
        <OutboxList
          entries={entries}
          status={status}
          format={format}
          onSyncNow={() => void scheduler.current?.syncNow()}
          onCorrect={correct}
          onExport={device.state === 'enrolled' ? (kind) => void exportUnsent(kind) : undefined}
          exportNote={exportNote}
        />
      )}
    </Suspense>
  );
}

export default function LogApp({ lang, formatLocale, strings, ...options }: Props) {
  const island = useMemo(() => ({ t: translator(strings), lang }), [strings, lang]);
  const format = useMemo(() => formatters(formatLocale), [formatLocale]);
  return (
    <TranslateContext.Provider value={island}>
      <div className="log-app">
        <LogPage format={format} {...options} />
      </div>
    </TranslateContext.Provider>
  );
}
