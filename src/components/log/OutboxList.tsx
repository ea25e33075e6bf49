/**
 * The outbox as the team sees it: each log's date, venue, total and state, the server's reasons
 * for a rejected one (with a button to correct it), "Sync now", and how the last sync went.
 */
import { useTranslation } from './i18n.ts';
import type { OutboxEntry } from '../../offline/outbox.ts';
import { phoneTally } from '../../offline/tally.ts';
import type { SyncStatus } from '../../offline/sync.ts';
import type { Formatters } from './i18n.ts';
import { fieldFor, fieldLabel, problemMessage } from './problems.ts';

interface Props {
  entries: readonly OutboxEntry[];
  status: SyncStatus;
  format: Formatters;
  onSyncNow: () => void;
  onCorrect: (entry: OutboxEntry) => void;
  /** Exports the unsent logs as a file; absent while the device is not enrolled (no device to name). */
  onExport?: ((kind: 'json' | 'csv') => void) | undefined;
  /** What became of the last export, or a warning about storage the browser may clear. */
  exportNote?: string | undefined;
}

/** The phone's own tally, to settle with what the coordinator's report shows for this device. */
function Tally({ entries, format }: { entries: readonly OutboxEntry[]; format: Formatters }) {
  const { t } = useTranslation();
  const tally = phoneTally(entries);
  const rows = [
    ['waiting', tally.waiting],
    ['sent', tally.sent],
    ['rejected', tally.rejected],
    ['people', tally.peopleThisMonth],
  ] as const;
  return (
    <div className="outbox-tally">
      <h3>{t('outbox.tally.title')}</h3>
      <dl>
        {rows.map(([key, value]) => (
          <div key={key} data-tally={key}>
            <dt>{t(`outbox.tally.${key}`)}</dt>
            <dd>{format.number(value)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function StatusLine({
  status,
  waiting,
  sent,
  format,
}: {
  status: SyncStatus;
  waiting: number;
  sent: boolean;
  format: Formatters;
}) {
  const { t } = useTranslation();
  const { outcome, running, retryAt } = status;
  if (running) return <>{t('outbox.status.syncing')}</>;
  if (outcome?.kind === 'done' && outcome.rejected > 0)
    return <>{t('outbox.status.rejected', { number: format.number(outcome.rejected) })}</>;
  // The count is the outbox's own: the service worker may have sent what the page could not.
  if (waiting === 0) return sent ? <>{t('outbox.status.done')}</> : null;
  const number = format.number(waiting);
  if (outcome?.kind === 'offline') return <>{t('outbox.status.offline', { number })}</>;
  if (outcome?.kind === 'server')
    return <>{t('outbox.status.server', { number, time: retryAt ? format.time(retryAt) : '' })}</>;
  return <>{t('outbox.status.waiting', { number })}</>;
}

export function OutboxList({ entries, status, format, onSyncNow, onCorrect, onExport, exportNote }: Props) {
  const { t } = useTranslation();
  const waiting = entries.filter((entry) => entry.state === 'waiting' || entry.state === 'sending').length;
  const unsent = entries.filter((entry) => entry.state !== 'sent').length;
  return (
    <section className="outbox" aria-labelledby="outbox-title">
      <h2 id="outbox-title">{t('outbox.title')}</h2>
      <p>{t('outbox.intro')}</p>
      <div className="log-actions">
        <button type="button" className="button" onClick={onSyncNow} disabled={status.running}>
          {t('outbox.syncNow')}
        </button>
      </div>
      <p className="outbox-status" role="status">
        <StatusLine
          status={status}
          waiting={waiting}
          sent={entries.some((entry) => entry.state === 'sent')}
          format={format}
        />
      </p>
      <Tally entries={entries} format={format} />
      {onExport && unsent > 0 && (
        <div className="outbox-export">
          <p className="log-hint">{t('outbox.export.hint')}</p>
          <div className="log-actions">
            <button type="button" className="button" onClick={() => onExport('json')}>
              {t('outbox.export.json')}
            </button>
            <button type="button" className="button" onClick={() => onExport('csv')}>
              {t('outbox.export.csv')}
            </button>
          </div>
        </div>
      )}
      {exportNote && (
        <p className="log-note" role="status">
          {exportNote}
        </p>
      )}
      {entries.length === 0 ? (
        <p>{t('outbox.empty')}</p>
      ) : (
        <ul className="outbox-list">
          {entries.map((entry) => {
            const summary = t('outbox.item', {
              date: format.date(entry.log.date),
              venue: entry.log.place.venue,
              total: format.number(entry.log.attendance.total),
            });
            return (
              <li key={entry.clientId} className={`outbox-item ${entry.state}`} data-state={entry.state}>
                <p className="outbox-summary">
                  <span>{summary}</span> <strong className="outbox-state">{t(`outbox.state.${entry.state}`)}</strong>
                </p>
                {entry.state === 'rejected' && (
                  <div className="outbox-reasons">
                    <p>{t('outbox.reasons')}</p>
                    <ul>
                      {(entry.problems ?? []).map((problem, index) => {
                        const label = fieldLabel(fieldFor(problem.path), t);
                        const message = problemMessage(problem, entry.log, t, format.number);
                        return <li key={index}>{label ? `${label}: ${message}` : message}</li>;
                      })}
                    </ul>
                  </div>
                )}
                {entry.state === 'conflict' && <p className="outbox-reasons">{t('outbox.conflict')}</p>}
                {(entry.state === 'rejected' || entry.state === 'conflict') && (
                  <button
                    type="button"
                    className="button"
                    aria-label={t('outbox.correctLabel', { log: summary })}
                    onClick={() => onCorrect(entry)}
                  >
                    {t('outbox.correct')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
