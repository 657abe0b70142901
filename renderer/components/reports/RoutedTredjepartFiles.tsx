import { useState } from 'react';
import { Button, Details, Field, Label, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Submission } from '../../../shared/outbox/submission';
import type { RouteTarget, RoutedTredjepart } from '../../../shared/reports/report-routing';
import { SCHEMES, type SchemeId } from '../../../shared/tredjepart/schemes';
import type { TredjepartCheck } from '../../../shared/tredjepart/tredjepart-views';
import { localized } from '../../i18n';
import { useSubmissionStates } from '../../bridge/outbox-queries';
import { useCheckRoutedTredjepart, useSaveTredjepartDraft, useSubmitTredjepart } from '../../bridge/tredjepart-queries';
import { ErrorMessage } from '../ErrorMessage';
import { FindingsList } from './FindingsList';
import { fileName } from './format';
import { RoutedStatusTag } from './RoutedStatusTag';

/**
 * A group's tredjepart files: checked with the target's rules where their fields fit one scheme; otherwise a select
 * of the schemes they fit, and checked once the user chooses (never guessed). Then saved as the target's tredjepart
 * drafts and sent to its outbox, as the group's other reports are.
 */
export function RoutedTredjepartFiles({ target, files }: { target: RouteTarget; files: readonly RoutedTredjepart[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  const [checks, setChecks] = useState<Record<string, TredjepartCheck>>(() =>
    Object.fromEntries(files.flatMap((f) => (f.check ? [[f.fileId, f.check]] : []))),
  );
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<Record<string, Submission>>({});
  const [busy, setBusy] = useState(false);
  const states = useSubmissionStates(Object.values(sent));
  const check = useCheckRoutedTredjepart();
  const save = useSaveTredjepartDraft();
  const submit = useSubmitTredjepart();

  const unsaved = files.filter((f) => checks[f.fileId] && !drafts[f.fileId]);
  const sendable = files.filter((f) => checks[f.fileId]?.result.valid && drafts[f.fileId] && !sent[f.fileId]);

  const choose = (fileId: string, scheme: SchemeId) =>
    check.mutate(
      { fileId, scheme },
      {
        onSuccess: (checked) => {
          setChecks((all) => ({ ...all, [fileId]: checked }));
          // A new check is a new draft to save: the one saved before was for another scheme.
          setDrafts(({ [fileId]: _old, ...rest }) => rest);
        },
      },
    );

  // One at a time, stopping at the first refusal: its error shows under the list, the rest stay offered.
  const eachOf = async (list: readonly RoutedTredjepart[], run: (file: RoutedTredjepart) => Promise<void>) => {
    setBusy(true);
    try {
      for (const file of list) await run(file);
    } catch {
      // Shown by the mutation's error below.
    } finally {
      setBusy(false);
    }
  };
  const saveAll = () =>
    eachOf(unsaved, async (file) => {
      const draft = await save.mutateAsync((checks[file.fileId] as TredjepartCheck).checkId);
      setDrafts((all) => ({ ...all, [file.fileId]: draft.id }));
    });
  const sendAll = () =>
    eachOf(sendable, async (file) => {
      const id = drafts[file.fileId] as string;
      const submission = await submit.mutateAsync(target.active ? id : { id, profileId: target.profileId });
      setSent((all) => ({ ...all, [file.fileId]: submission }));
    });

  return (
    <div className="stack" data-testid="routed-tredjepart">
      <Table data-size="sm">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('reports.table.file')}</Table.HeaderCell>
            <Table.HeaderCell>{t('reports.routing.scheme')}</Table.HeaderCell>
            <Table.HeaderCell>{t('reports.table.status')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {files.map((file) => {
            const checked = checks[file.fileId];
            const submission = sent[file.fileId];
            return (
              <Table.Row key={file.fileId} data-testid="routed-tredjepart-file" data-valid={checked?.result.valid}>
                <Table.Cell>{fileName(file.name)}</Table.Cell>
                <Table.Cell>
                  {file.candidates.length === 1 ? (
                    localized(SCHEMES[file.candidates[0] as SchemeId].title, lang)
                  ) : (
                    <Field>
                      <Label data-size="sm">{t('reports.routing.chooseScheme', { name: fileName(file.name) })}</Label>
                      <Select
                        data-size="sm"
                        value={checked?.result.scheme ?? ''}
                        disabled={check.isPending || !!submission}
                        onChange={(e) => choose(file.fileId, e.target.value as SchemeId)}
                      >
                        <Select.Option value="" disabled>
                          {t('reports.routing.status.choose')}
                        </Select.Option>
                        {file.candidates.map((id) => (
                          <Select.Option key={id} value={id}>
                            {localized(SCHEMES[id].title, lang)}
                          </Select.Option>
                        ))}
                      </Select>
                    </Field>
                  )}
                </Table.Cell>
                <Table.Cell>
                  <RoutedStatusTag
                    findings={checked?.result.findings ?? null}
                    valid={!!checked?.result.valid}
                    saved={!!drafts[file.fileId]}
                    sent={submission ? states[submission.id] : undefined}
                  />
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
      {files.some((f) => f.candidates.length > 1) && (
        <Paragraph data-size="sm">{t('reports.routing.schemeUnclear')}</Paragraph>
      )}
      {files.map((file) => {
        const findings = checks[file.fileId]?.result.findings ?? [];
        return findings.length === 0 ? null : (
          <Details key={file.fileId}>
            <Details.Summary>{t('reports.routing.details', { name: fileName(file.name) })}</Details.Summary>
            <Details.Content>
              <FindingsList findings={findings} headingLevel={4} />
            </Details.Content>
          </Details>
        );
      })}
      <div className="reports-actions">
        {unsaved.length > 0 && (
          <Button
            variant="secondary"
            loading={busy}
            disabled={busy}
            data-testid="save-tredjepart"
            onClick={() => void saveAll()}
          >
            {t('reports.routing.saveAll', { count: unsaved.length })}
          </Button>
        )}
        {sendable.length > 0 && (
          <Button loading={busy} disabled={busy} data-testid="send-tredjepart" onClick={() => void sendAll()}>
            {t('reports.routing.sendAll', { count: sendable.length })}
          </Button>
        )}
      </div>
      {check.error && <ErrorMessage error={check.error} />}
      {save.error && <ErrorMessage error={save.error} />}
      {submit.error && <ErrorMessage error={submit.error} />}
    </div>
  );
}
