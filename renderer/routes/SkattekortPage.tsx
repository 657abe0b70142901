import { useState } from 'react';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format';
import type { PersonList } from '../../shared/skattekort/persons';
import { useProfiles } from '../bridge/queries';
import { useDrafts } from '../bridge/reports-queries';
import {
  useOrderSkattekort,
  usePersonsFromCsv,
  usePersonsFromDraft,
  useSkattekortOrders,
} from '../bridge/skattekort-queries';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { OrderCard } from '../components/skattekort/OrderCard';
import { OrderForm } from '../components/skattekort/OrderForm';
import { submissionTitle } from '../components/outbox/submission-title';
import { PersonTable } from '../components/skattekort/PersonTable';
import '../components/reports/reports.css';
import '../components/outbox/outbox.css';
import '../components/skattekort/skattekort.css';

/**
 * Skattekort til arbeidsgiver: pick the employees (an a-melding draft or a CSV file), see each id checked, order
 * through the outbox, and read Skatteetaten's answer per employee; export it for the payroll system.
 */
export function SkattekortPage() {
  const { t, i18n } = useTranslation();
  const profiles = useProfiles();
  const profileId = profiles.data?.activeProfileId ?? null;
  const profile = profiles.data?.profiles.find((p) => p.id === profileId);
  const drafts = useDrafts(profileId);
  const ameldinger = (drafts.data ?? []).filter((d) => d.kind === 'amelding');
  const [draftId, setDraftId] = useState('');
  const [list, setList] = useState<PersonList | null>(null);
  const fromDraft = usePersonsFromDraft();
  const fromCsv = usePersonsFromCsv();
  const order = useOrderSkattekort();
  const orders = useSkattekortOrders(profileId);

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('skattekort.title')}
      </Heading>
      <Paragraph>{t('skattekort.intro')}</Paragraph>
      {!profile && <Alert data-color="info">{t('skattekort.noProfile')}</Alert>}

      {profile && (
        <section className="stack" aria-labelledby="skattekort-who-title">
          <Heading level={2} data-size="sm" id="skattekort-who-title">
            {t('skattekort.who.title')}
          </Heading>
          <div className="row">
            {ameldinger.length > 0 && (
              <Field>
                <Label>{t('skattekort.who.draft')}</Label>
                <Select value={draftId} onChange={(e) => setDraftId(e.target.value)} data-testid="draft-select">
                  <Select.Option value="">{t('skattekort.who.latest')}</Select.Option>
                  {ameldinger.map((d) => (
                    <Select.Option key={d.id} value={d.id}>
                      {d.files[0]?.name ?? d.id} · {formatDate(d.savedAt, i18n.language)}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
            )}
            <Button
              variant="secondary"
              loading={fromDraft.isPending}
              onClick={() => fromDraft.mutate(draftId || undefined, { onSuccess: setList })}
              data-testid="persons-from-draft"
            >
              {t('skattekort.who.fromDraft')}
            </Button>
            <Button
              variant="secondary"
              loading={fromCsv.isPending}
              onClick={() => fromCsv.mutate(undefined, { onSuccess: (l) => l && setList(l) })}
              data-testid="persons-from-csv"
            >
              {t('skattekort.who.fromCsv')}
            </Button>
          </div>
          <Paragraph data-size="sm">{t('skattekort.who.csvHelp')}</Paragraph>
          {fromDraft.error && <ErrorMessage error={fromDraft.error} />}
          {fromCsv.error && <ErrorMessage error={fromCsv.error} />}
          {list && <PersonTable list={list} />}
        </section>
      )}

      {profile && list && (
        <OrderForm
          key={list ? `${list.source.kind}-${list.orderable.join(',')}` : 'none'}
          arbeidstakere={list?.orderable ?? []}
          employer={{ displayName: profile.displayName, orgNumber: profile.orgNumber }}
          pending={order.isPending}
          error={order.error}
          onOrder={(input) => order.mutate(input, { onSuccess: () => setList(null) })}
        />
      )}
      {order.data && !list && (
        <Alert data-color="success" role="status" data-testid="order-queued">
          {t('skattekort.queued', { label: submissionTitle(order.data.target, t, i18n.language) })}
        </Alert>
      )}

      {profile && (
        <section className="stack" aria-labelledby="skattekort-orders-title">
          <Heading level={2} data-size="md" id="skattekort-orders-title">
            {t('skattekort.ordersTitle')}
          </Heading>
          {orders.isPending && <Spinner aria-label={t('app.loading')} />}
          {orders.error && <ErrorMessage error={orders.error} />}
          {orders.data?.length === 0 && (
            <EmptyState title={t('skattekort.emptyTitle')}>{t('skattekort.emptyBody')}</EmptyState>
          )}
          {orders.data && orders.data.length > 0 && (
            <ul className="outbox-list" data-testid="skattekort-orders">
              {orders.data.map((o) => (
                <OrderCard key={o.submission.id} order={o} />
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
