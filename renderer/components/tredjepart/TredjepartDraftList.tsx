import { Button, Card, Heading, List, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { schemeById } from '../../../shared/tredjepart/schemes';
import type { TredjepartDraft } from '../../../shared/tredjepart/tredjepart-views';
import { localized } from '../../i18n';
import { formatCount, formatDateTime } from '../../../shared/format';
import { fileName } from '../reports/format';
import { TredjepartSendAction } from './TredjepartSendAction';

/** The profile's checked tredjepart files: what each holds, whether it can be sent, and send or delete. */
export function TredjepartDraftList({
  drafts,
  onDelete,
  busy,
}: {
  drafts: TredjepartDraft[];
  onDelete(draft: TredjepartDraft): void;
  busy: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (drafts.length === 0) return <Paragraph>{t('tredjepart.noDrafts')}</Paragraph>;
  return (
    <List.Unordered className="stack outbox-list" data-testid="tredjepart-drafts">
      {drafts.map((d) => {
        const label = draftTitle(d, lang);
        const headingId = `tredjepart-draft-${d.id}`;
        return (
          <Card key={d.id} asChild data-testid="tredjepart-draft" data-id={d.id} aria-labelledby={headingId}>
            <li>
              <div className="row">
                <Heading level={3} data-size="xs" id={headingId}>
                  {label}
                </Heading>
                <Tag data-color={d.result.valid ? 'success' : 'danger'} data-size="sm">
                  {t(d.result.valid ? 'reports.verdict.ready' : 'reports.verdict.errors')}
                </Tag>
              </div>
              <Paragraph data-size="sm" className="reports-muted">
                {t('tredjepart.draftMeta', {
                  file: fileName(d.source.name),
                  count: d.result.summary?.antallOppgaver ?? 0,
                  oppgaver: formatCount(d.result.summary?.antallOppgaver ?? 0, lang),
                  saved: formatDateTime(d.savedAt, lang),
                })}
              </Paragraph>
              <div className="row">
                {d.result.valid && <TredjepartSendAction draftId={d.id} label={label} />}
                <Button variant="tertiary" data-size="sm" disabled={busy} onClick={() => onDelete(d)}>
                  {t('tredjepart.delete')}
                  <span className="visually-hidden">: {label}</span>
                </Button>
              </div>
            </li>
          </Card>
        );
      })}
    </List.Unordered>
  );
}

export function draftTitle(d: TredjepartDraft, lang: string): string {
  const year = d.result.summary?.inntektsaar;
  return `${localized(schemeById(d.scheme).title, lang)}${year ? ` ${year}` : ''}`;
}
