import { useEffect, useState } from 'react';
import { DIGEST_FREQUENCIES } from '../../../../shared/offers';
import { JOB_STATE_NAMES, type Job } from '../../../../shared/schemas/jobs';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Field, SelectField, useAction } from '../../../shared/ui/forms';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { retryJob, sendDigests, useJobs } from '../hooks/useJobs';

/** The platform's background work for administrators: what ran, what failed and why; a failed job can be retried. */
export function JobsPage() {
  const { t, dateTime } = useI18n();
  const [state, setState] = useState('');
  const [name, setName] = useState('');
  const jobs = useJobs({ state, name });
  const retry = useAction();
  const send = useAction();
  const [queued, setQueued] = useState(false);
  // while a job runs, its progress is read again every few seconds
  const busy = !!jobs.data?.items.some((j) => j.state === 'running' || j.state === 'queued');
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(jobs.reload, 3000);
    return () => clearInterval(timer);
  }, [busy, jobs.reload]);
  useTitle(t('adminJobs.title'));
  // a job name the translation files know is said in words; a newer one shows as recorded
  const jobName = (job: Job) => {
    const key = `adminJobs.names.${job.name.replace(/\./g, '_')}`;
    const said = t(key);
    return said === key ? job.name : said;
  };
  const when = (iso: string | null) => (iso ? dateTime(iso, true) : '—');
  const counts = jobs.data?.counts;
  return (
    <>
      <h1>{t('adminJobs.title')}</h1>
      <p className="lead">{t('adminJobs.lead')}</p>
      {counts && (
        <ul className="chips" aria-label={t('adminJobs.counts')}>
          {JOB_STATE_NAMES.map((s) => (
            <li key={s} className="badge">
              {t(`adminJobs.states.${s}`)}: {counts[s]}
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <SelectField
          id="job-state"
          label={t('adminJobs.state')}
          value={state}
          options={[
            { value: '', label: t('adminJobs.allStates') },
            ...JOB_STATE_NAMES.map((s) => ({ value: s, label: t(`adminJobs.states.${s}`) })),
          ]}
          onChange={setState}
        />
        <Field
          label={t('adminJobs.name')}
          name="name"
          placeholder="reminders.agreement_ending"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <section aria-labelledby="send-digests">
        <h2 id="send-digests">{t('adminJobs.sendDigests')}</h2>
        <p>{t('adminJobs.sendDigestsLead')}</p>
        <div className="row">
          {DIGEST_FREQUENCIES.map((frequency) => (
            <button
              key={frequency}
              type="button"
              className="secondary"
              onClick={() =>
                send.run(
                  () => sendDigests(frequency),
                  () => {
                    setQueued(true);
                    jobs.reload();
                  },
                )
              }
            >
              {t(frequency === 'daily' ? 'adminJobs.sendDaily' : 'adminJobs.sendWeekly')}
            </button>
          ))}
        </div>
        {send.error && (
          <p role="alert" className="error">
            {send.error}
          </p>
        )}
        {queued && <p role="status">{t('adminJobs.digestsQueued')}</p>}
      </section>
      <Status state={jobs} />
      {retry.error && (
        <p role="alert" className="error">
          {retry.error}
        </p>
      )}
      {jobs.data?.items.length === 0 && <p>{t('adminJobs.none')}</p>}
      <div className="table-wrap">
        <table className="table stacked">
          <thead>
            <tr>
              <th scope="col">{t('adminJobs.name')}</th>
              <th scope="col">{t('adminJobs.state')}</th>
              <th scope="col">{t('adminJobs.attempts')}</th>
              <th scope="col">{t('adminJobs.runAt')}</th>
              <th scope="col">{t('adminJobs.finishedAt')}</th>
              <th scope="col">{t('adminJobs.lastError')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('adminJobs.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(jobs.data?.items ?? []).map((job) => (
              <tr key={job.id}>
                <td data-label={t('adminJobs.name')} title={job.name}>
                  {jobName(job)}
                </td>
                <td data-label={t('adminJobs.state')}>
                  <span className={`badge job-${job.state}`}>{t(`adminJobs.states.${job.state}`)}</span>
                  {job.progress && (
                    <>
                      {' '}
                      <progress
                        value={job.progress.done}
                        max={Math.max(job.progress.total, 1)}
                        aria-label={t('adminJobs.progressLabel')}
                      />{' '}
                      {t('adminJobs.progress', { done: job.progress.done, total: job.progress.total })}
                    </>
                  )}
                </td>
                <td data-label={t('adminJobs.attempts')}>{t('adminJobs.attemptsOf', { attempts: job.attempts, max: job.maxAttempts })}</td>
                <td data-label={t('adminJobs.runAt')}>{when(job.runAt)}</td>
                <td data-label={t('adminJobs.finishedAt')}>{when(job.finishedAt)}</td>
                <td data-label={t('adminJobs.lastError')}>{job.lastError ? <code className="job-error">{job.lastError}</code> : '—'}</td>
                <td data-label="">
                  {job.state === 'failed' && (
                    <button type="button" className="secondary" onClick={() => retry.run(() => retryJob(job.id), jobs.reload)}>
                      {t('adminJobs.retry')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
