import '../marketplace.css';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { useMlString } from '../../../shared/ui/MlText';
import { useReferenceNames } from '../../../shared/ui/useReferenceNames';
import { useOutcomeCounts } from '../api/marketplace';

interface Row {
  key: string;
  label: string;
  contacts: number;
  agreements: number;
}

/** What the marketplace led to: contacts (accepted expressions of interest) and the agreements they became, by area, region pair and month. */
export function OutcomesPage() {
  const { t, lang } = useI18n();
  const names = useReferenceNames();
  const text = useMlString();
  const counts = useOutcomeCounts();
  useTitle(t('marketplace.outcomes.title'));
  const data = counts.data;
  const month = (m: string) => new Date(`${m}-01T00:00:00Z`).toLocaleDateString(lang, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  return (
    <>
      <h1>{t('marketplace.outcomes.title')}</h1>
      <p className="lead">{t('marketplace.outcomes.lead')}</p>
      <Status state={counts} />
      {data && (
        <>
          <p className="outcome-total" role="status">
            {t('marketplace.outcomes.total', { contacts: data.totals.contacts, agreements: data.totals.agreements })}
          </p>
          <CountTable
            id="outcomes-area"
            title={t('marketplace.outcomes.byArea')}
            rows={data.byArea.map((r) => ({ key: r.area, label: names.area(r.area), ...r }))}
          />
          <CountTable
            id="outcomes-regions"
            title={t('marketplace.outcomes.byRegionPair')}
            rows={data.byRegionPair.map((r) => ({
              key: `${r.owner.code}-${r.interested.code}`,
              label: `${text(r.owner.name) || r.owner.code} → ${text(r.interested.name) || r.interested.code}`,
              contacts: r.contacts,
              agreements: r.agreements,
            }))}
          />
          <CountTable
            id="outcomes-month"
            title={t('marketplace.outcomes.byMonth')}
            rows={data.byMonth.map((r) => ({ key: r.month, label: month(r.month), ...r }))}
          />
        </>
      )}
    </>
  );
}

function CountTable({ id, title, rows }: { id: string; title: string; rows: Row[] }) {
  const { t } = useI18n();
  if (rows.length === 0) return null;
  const total = rows.reduce((s, r) => ({ contacts: s.contacts + r.contacts, agreements: s.agreements + r.agreements }), {
    contacts: 0,
    agreements: 0,
  });
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{title}</th>
              <th scope="col">{t('marketplace.outcomes.contacts')}</th>
              <th scope="col">{t('marketplace.outcomes.agreements')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td>{r.contacts}</td>
                <td>{r.agreements}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('marketplace.outcomes.totalRow')}</th>
              <td>{total.contacts}</td>
              <td>{total.agreements}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
