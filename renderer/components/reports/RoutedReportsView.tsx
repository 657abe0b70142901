import { useState, type Ref } from 'react';
import { Link as RouterLink } from 'react-router';
import { Button, Card, Details, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { formatOrgNumber } from '../../../shared/format';
import type { RoutedGroup, RoutedReports, UnknownOrgGroup } from '../../../shared/reports/report-routing';
import type { CheckedReport } from '../../../shared/reports/report-views';
import { useSaveRouted } from '../../bridge/reports-queries';
import type { Submission } from '../../../shared/outbox/submission';
import { useSubmissionStates, useSubmitDraftOf } from '../../bridge/outbox-queries';
import { ErrorMessage } from '../ErrorMessage';
import { FindingsList } from './FindingsList';
import { fileName } from './format';
import { RoutedStatusTag } from './RoutedStatusTag';
import { RoutedTredjepartFiles } from './RoutedTredjepartFiles';

export interface RoutedReportsViewProps {
  routed: RoutedReports;
  headingRef?: Ref<HTMLHeadingElement>;
  /** "Add as client" for an unknown organisation (a firm profile only); resolves once it is added. */
  onAddClient?(orgNumber: string): void;
  addingOrg?: string | null;
}

/**
 * Files for many clients, grouped by who they went to: per client (or profile) its files and verdicts with "save
 * all as drafts" and "send"; then the organisations that are no client, each with "add as client"; then the files
 * that could not be read, each with its reason. Nothing dropped is left out.
 */
export function RoutedReportsView({ routed, headingRef, onAddClient, addingOrg }: RoutedReportsViewProps) {
  const { t } = useTranslation();
  const fileCount =
    routed.groups.reduce(
      (n, g) => n + g.checks.reduce((m, c) => m + c.result.files.length, 0) + g.tredjepart.length,
      0,
    ) +
    routed.unknown.reduce((n, u) => n + u.files.length, 0) +
    routed.unreadable.length;
  return (
    <section className="stack" aria-labelledby="routed-title" data-testid="routed-reports">
      <Heading level={2} data-size="md" id="routed-title" ref={headingRef} tabIndex={-1}>
        {t('reports.routing.title', { count: fileCount })}
      </Heading>
      <Paragraph data-size="sm">
        {t(routed.firm ? 'reports.routing.summaryFirm' : 'reports.routing.summaryProfiles', {
          count: routed.groups.length,
        })}
      </Paragraph>
      {routed.groups.map((group) => (
        <TargetGroup key={group.target.orgNumber} group={group} />
      ))}
      {routed.unknown.length > 0 && (
        <UnknownOrgs
          unknown={routed.unknown}
          firm={routed.firm}
          {...(onAddClient ? { onAddClient } : {})}
          addingOrg={addingOrg ?? null}
        />
      )}
      {routed.unreadable.length > 0 && <UnreadableFiles checks={routed.unreadable} />}
    </section>
  );
}

function TargetGroup({ group }: { group: RoutedGroup }) {
  const { t } = useTranslation();
  const { target, checks } = group;
  const save = useSaveRouted();
  const submit = useSubmitDraftOf();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<Record<string, Submission>>({});
  const states = useSubmissionStates(Object.values(sent));
  const [sending, setSending] = useState(false);
  const unsaved = checks.filter((c) => !drafts[c.checkId]);
  const sendable = checks.filter((c) => c.result.valid && drafts[c.checkId] && !sent[c.checkId]);
  const errors = checks.filter((c) => !c.result.valid).length;

  const sendAll = async () => {
    setSending(true);
    try {
      for (const check of sendable) {
        // Into the target's own outbox, shown or not: main checks the profile is set up (issue 14).
        const submission = await submit.mutateAsync({
          draftId: drafts[check.checkId] as string,
          profileId: target.profileId,
        });
        setSent((all) => ({ ...all, [check.checkId]: submission }));
      }
    } catch {
      // Stops at the first refusal; submit.error shows it under the group, the rest stay offered.
    } finally {
      setSending(false);
    }
  };

  const who = `${target.name} (${formatOrgNumber(target.orgNumber)})`;
  return (
    <Card data-testid="routed-group" data-org={target.orgNumber} className="stack">
      <Heading level={3} data-size="sm">
        {who}
      </Heading>
      <Paragraph data-size="sm" data-testid="routed-group-counts">
        {/* A group may hold only tredjepart files: say what it holds rather than "0 reports". */}
        {[
          checks.length > 0 && t('reports.routing.groupCounts', { count: checks.length, errors: String(errors) }),
          group.tredjepart.length > 0 && t('reports.routing.groupTredjepart', { count: group.tredjepart.length }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Paragraph>
      {checks.length > 0 && (
        <Table data-size="sm" data-testid="routed-files">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('reports.table.file')}</Table.HeaderCell>
              <Table.HeaderCell>{t('reports.table.report')}</Table.HeaderCell>
              <Table.HeaderCell>{t('reports.table.status')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {checks.map((check) => (
              <Table.Row key={check.checkId} data-testid="routed-file" data-valid={check.result.valid}>
                <Table.Cell>{check.result.files.map((f) => fileName(f.path)).join(', ')}</Table.Cell>
                <Table.Cell>{t(`reports.kind.${check.result.kind}`)}</Table.Cell>
                <Table.Cell>
                  <RoutedStatusTag
                    findings={check.result.findings}
                    valid={check.result.valid}
                    saved={!!drafts[check.checkId]}
                    sent={sent[check.checkId] ? states[(sent[check.checkId] as Submission).id] : undefined}
                  />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {group.tredjepart.length > 0 && <RoutedTredjepartFiles target={target} files={group.tredjepart} />}
      {/* Wrapped: a Card whose own child is a Details loses its padding (Designsystemet's card.css). */}
      <div className="stack">
        {checks
          .filter((check) => check.result.findings.length > 0)
          .map((check) => (
            <Details key={check.checkId}>
              <Details.Summary>
                {t('reports.routing.details', { name: check.result.files.map((f) => fileName(f.path)).join(', ') })}
              </Details.Summary>
              <Details.Content>
                <FindingsList findings={check.result.findings} headingLevel={4} />
              </Details.Content>
            </Details>
          ))}
      </div>
      <div className="reports-actions">
        {unsaved.length > 0 && (
          <Button
            variant={errors === 0 ? 'primary' : 'secondary'}
            loading={save.isPending}
            disabled={save.isPending}
            data-testid="save-group"
            onClick={() =>
              save.mutate(
                unsaved.map((c) => c.checkId),
                {
                  onSuccess: (saved) =>
                    setDrafts((all) => ({ ...all, ...Object.fromEntries(saved.map((s) => [s.checkId, s.draftId])) })),
                },
              )
            }
          >
            {t('reports.routing.saveAll', { count: unsaved.length })}
          </Button>
        )}
        {unsaved.length === 0 && checks.length > 0 && (
          <Paragraph role="status" data-size="sm" data-testid="group-saved">
            {t('reports.routing.saved', { who })}
          </Paragraph>
        )}
        {sendable.length > 0 && (
          <Button loading={sending} disabled={sending} data-testid="send-group" onClick={() => void sendAll()}>
            {t('reports.routing.sendAll', { count: sendable.length })}
          </Button>
        )}
      </div>
      {save.error && <ErrorMessage error={save.error} />}
      {submit.error && <ErrorMessage error={submit.error} />}
    </Card>
  );
}

function UnknownOrgs({
  unknown,
  firm,
  onAddClient,
  addingOrg,
}: {
  unknown: readonly UnknownOrgGroup[];
  firm: boolean;
  onAddClient?(orgNumber: string): void;
  addingOrg: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Card data-testid="routed-unknown" className="stack" data-color="warning">
      <Heading level={3} data-size="sm">
        {t(firm ? 'reports.routing.unknownTitleFirm' : 'reports.routing.unknownTitleProfiles')}
      </Heading>
      <Paragraph data-size="sm">
        {t(firm ? 'reports.routing.unknownBodyFirm' : 'reports.routing.unknownBodyProfiles')}
      </Paragraph>
      <ul className="stack">
        {unknown.map((u) => (
          <li key={u.orgNumber} data-testid="unknown-org" data-org={u.orgNumber}>
            <Paragraph>
              <strong>{formatOrgNumber(u.orgNumber)}</strong>
              {': '}
              {u.files.map((f) => `${f.name} (${t(`reports.routing.kind.${f.kind}`)})`).join(', ')}
            </Paragraph>
            {firm && onAddClient && (
              <Button
                variant="secondary"
                data-size="sm"
                loading={addingOrg === u.orgNumber}
                disabled={addingOrg !== null}
                onClick={() => onAddClient(u.orgNumber)}
              >
                {t('reports.routing.addClient', { org: formatOrgNumber(u.orgNumber) })}
              </Button>
            )}
            {!firm && (
              <RouterLink to={`/setup?org=${u.orgNumber}`} data-testid="set-up-org">
                {t('reports.routing.setUpOrg', { org: formatOrgNumber(u.orgNumber) })}
              </RouterLink>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function UnreadableFiles({ checks }: { checks: readonly CheckedReport[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'nb';
  return (
    <Card data-testid="routed-unreadable" className="stack" data-color="danger">
      <Heading level={3} data-size="sm">
        {t('reports.routing.unreadableTitle', { count: checks.length })}
      </Heading>
      <ul className="stack">
        {checks.map((check) => (
          <li key={check.checkId} data-testid="unreadable-file">
            <Paragraph>
              <strong>{check.result.files.map((f) => fileName(f.path)).join(', ')}</strong>
              {': '}
              {check.result.findings[0]?.message[language]}
            </Paragraph>
          </li>
        ))}
      </ul>
    </Card>
  );
}
