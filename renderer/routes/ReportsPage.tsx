import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useProfiles } from '../bridge/queries';
import { useSubmissions } from '../bridge/outbox-queries';
import {
  useAddRoutedClient,
  usePickAndRouteReports,
  useRouteDroppedReports,
  useRouteProgress,
  useCheckDraftSource,
  useCheckDroppedReports,
  useDeleteDraft,
  useDraft,
  useDrafts,
  usePickReports,
  useRecheckDraft,
  useReplaceAMelding,
  useSaveDraft,
} from '../bridge/reports-queries';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { CheckResultView } from '../components/reports/CheckResultView';
import { DraftList, draftLabel } from '../components/reports/DraftList';
import { DraftView } from '../components/reports/DraftView';
import { ReportDropZone } from '../components/reports/ReportDropZone';
import { readDroppedFiles } from '../components/reports/read-dropped-files';
import { SendDraftAction } from '../components/outbox/SendDraftAction';
import { MAX_DROPPED_BYTES, type CheckedReport, type DroppedFile } from '../../shared/reports/report-views';
import { MAX_ROUTED_FILES, type RoutedReports } from '../../shared/reports/report-routing';
import { formatCount } from '../../shared/format';
import { profileKind, type Profile } from '../../shared/domain/profile';
import { RoutedReportsView } from '../components/reports/RoutedReportsView';
import '../components/reports/reports.css';
import { RulesForProfile } from '../components/reports/RulesForProfile';

/**
 * What the page shows under the drop zone: nothing yet, the reports just checked, files routed to many clients,
 * or one opened draft.
 */
type Shown =
  | { kind: 'nothing' }
  | { kind: 'checks'; checks: CheckedReport[] }
  | { kind: 'routed'; routed: RoutedReports }
  | { kind: 'draft'; id: string };

export function ReportsPage() {
  const profiles = useProfiles();
  const profile = profiles.data?.profiles.find((p) => p.id === profiles.data?.activeProfileId) ?? null;
  // A different profile has other drafts and other rules: what was shown belongs to the one before.
  // Several dropped files are routed by org number when they may be for more than one: a firm's clients, or
  // several businesses set up here. A dropped or picked folder is always routed.
  const businesses = profiles.data?.profiles.filter((p) => profileKind(p) === 'business').length ?? 0;
  const routesFiles = !!profile && (profileKind(profile) === 'firm' || businesses > 1);
  return <ReportsWorkspace key={profile?.id ?? 'none'} profile={profile} routesFiles={routesFiles} />;
}

function ReportsWorkspace({ profile, routesFiles }: { profile: Profile | null; routesFiles: boolean }) {
  const { t, i18n } = useTranslation();
  const profileId = profile?.id ?? null;

  const [shown, setShown] = useState<Shown>({ kind: 'nothing' });
  const [saved, setSaved] = useState<Record<string, string>>({});
  /** A drop held more bytes than travel to main: of loose files, or of a folder (which «Velg mappe …» reads instead). */
  const [tooLarge, setTooLarge] = useState<'files' | 'folder' | null>(null);
  /** How many files a drop to route held, when that is more than main routes at once (else null). */
  const [tooMany, setTooMany] = useState<number | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const pick = usePickReports();
  const drop = useCheckDroppedReports();
  const route = useRouteDroppedReports();
  const pickRoute = usePickAndRouteReports();
  const addClient = useAddRoutedClient();
  const routing = route.isPending || pickRoute.isPending;
  const routeProgress = useRouteProgress();
  // The last dropped files routed: "add as client" routes them again, so the new client's files are checked.
  const lastRouted = useRef<DroppedFile[] | null>(null);
  // "Erstatt" from the outbox: the next file picked or dropped is the replacement of this received a-melding.
  const [params, setParams] = useSearchParams();
  const replacing = params.get('erstatt');
  const submissions = useSubmissions(profileId);
  const replaced = replacing ? submissions.data?.find((s) => s.id === replacing) : undefined;
  const replace = useReplaceAMelding();
  const checkSource = useCheckDraftSource();
  const save = useSaveDraft();
  const remove = useDeleteDraft();
  const recheck = useRecheckDraft();
  const drafts = useDrafts(profileId);
  const draft = useDraft(profileId, shown.kind === 'draft' ? shown.id : null);

  // New results or an opened draft take focus, so keyboard and screen-reader users land on them.
  const focusKey =
    shown.kind === 'checks'
      ? shown.checks.map((c) => c.checkId).join()
      : shown.kind === 'routed'
        ? shown.routed.groups.flatMap((g) => g.checks.map((c) => c.checkId)).join() || 'routed'
        : shown.kind === 'draft'
          ? draft.data?.id
          : '';
  useEffect(() => headingRef.current?.focus(), [focusKey]);

  const showChecks = (checks: CheckedReport[]) => checks.length > 0 && setShown({ kind: 'checks', checks });
  const showRouted = (routed: RoutedReports) =>
    routed.groups.length + routed.unknown.length + routed.unreadable.length > 0 && setShown({ kind: 'routed', routed });
  const busy = pick.isPending || drop.isPending || checkSource.isPending || replace.isPending || routing;
  const onDropFiles = async (files: File[], from: { folder: boolean }) => {
    const routes = !replacing && (from.folder || (files.length > 1 && routesFiles));
    // Main refuses more at once (MAX_ROUTED_FILES); said here in words, before anything is read.
    setTooMany(routes && files.length > MAX_ROUTED_FILES ? files.length : null);
    if (routes && files.length > MAX_ROUTED_FILES) return;
    const read = await readDroppedFiles(files);
    setTooLarge(read.ok ? null : from.folder && !replacing ? 'folder' : 'files');
    if (!read.ok) return;
    if (replacing) replace.mutate({ submissionId: replacing, files: read.files }, { onSuccess: showChecks });
    else if (routes) {
      lastRouted.current = read.files;
      route.mutate(read.files, { onSuccess: showRouted });
    } else drop.mutate(read.files, { onSuccess: showChecks });
  };
  const onAddClient = (orgNumber: string) =>
    addClient.mutate(orgNumber, {
      onSuccess: () => lastRouted.current && route.mutate(lastRouted.current, { onSuccess: showRouted }),
    });

  const dropZone = (
    <ReportDropZone
      busy={busy}
      onPick={() => {
        setTooLarge(null);
        if (replacing) replace.mutate({ submissionId: replacing }, { onSuccess: showChecks });
        else pick.mutate(undefined, { onSuccess: showChecks });
      }}
      onDropFiles={(files, from) => void onDropFiles(files, from)}
      {...(replacing
        ? {}
        : {
            onPickFolder: () => {
              setTooLarge(null);
              lastRouted.current = null;
              pickRoute.mutate(true, { onSuccess: showRouted });
            },
          })}
    />
  );
  const inputError =
    pick.error ?? drop.error ?? checkSource.error ?? replace.error ?? route.error ?? pickRoute.error ?? addClient.error;

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('reports.title')}
      </Heading>
      <Paragraph>{t('reports.intro')}</Paragraph>
      <RulesForProfile profile={profile} testId="rules-for" noProfile={t('reports.noProfile')} />
      {replacing && (
        <Alert data-color="info" data-testid="replacing">
          <Heading level={2} data-size="2xs">
            {t('reports.replacingTitle', { label: replaced?.label ?? replacing })}
          </Heading>
          <Paragraph>{t('reports.replacingBody')}</Paragraph>
          <Button variant="tertiary" data-size="sm" onClick={() => setParams({})}>
            {t('reports.replacingCancel')}
          </Button>
        </Alert>
      )}

      {shown.kind === 'nothing' ? (
        <EmptyState title={t('reports.emptyTitle')} action={dropZone}>
          {t('reports.emptyBody')}
        </EmptyState>
      ) : (
        <section className="stack" aria-labelledby="reports-check-title">
          <Heading level={2} data-size="sm" id="reports-check-title">
            {t('reports.checkAnother')}
          </Heading>
          {dropZone}
        </section>
      )}
      {tooLarge && (
        <Alert data-color="danger" role="alert" data-testid="drop-too-large">
          {tooLarge === 'folder'
            ? t('reports.dropFolderTooLarge', {
                mib: String(MAX_DROPPED_BYTES / 1024 / 1024),
                pickFolder: t('reports.routing.pickFolder'),
              })
            : t('reports.dropTooLarge', { mib: String(MAX_DROPPED_BYTES / 1024 / 1024) })}
        </Alert>
      )}
      {tooMany !== null && (
        <Alert data-color="danger" role="alert" data-testid="drop-too-many">
          {t('reports.dropTooMany', { count: tooMany, max: formatCount(MAX_ROUTED_FILES, i18n.language) })}
        </Alert>
      )}
      {inputError && <ErrorMessage error={inputError} />}
      {routing && routeProgress && (
        <Paragraph role="status" data-testid="route-progress">
          {t(
            routeProgress.phase === 'reading' ? 'reports.routing.progressReading' : 'reports.routing.progressChecking',
            {
              done: String(routeProgress.done),
              total: String(routeProgress.total),
            },
          )}
        </Paragraph>
      )}

      {shown.kind === 'routed' && (
        <RoutedReportsView
          routed={shown.routed}
          headingRef={headingRef}
          onAddClient={onAddClient}
          addingOrg={addClient.isPending ? (addClient.variables ?? null) : null}
        />
      )}

      {shown.kind === 'checks' &&
        shown.checks.map((check, i) => (
          <CheckResultView
            key={check.checkId}
            result={check.result}
            {...(i === 0 ? { headingRef } : {})}
            notes={check.origin === 'dropped' && <Paragraph data-size="sm">{t('reports.droppedNote')}</Paragraph>}
            actions={
              check.result.kind !== 'unreadable' &&
              profile && (
                <SaveDraftAction
                  valid={check.result.valid}
                  savedDraftId={saved[check.checkId]}
                  pending={save.isPending && save.variables === check.checkId}
                  onSave={() =>
                    save.mutate(check.checkId, {
                      onSuccess: (d) => setSaved((s) => ({ ...s, [check.checkId]: d.id })),
                    })
                  }
                  onOpen={(id) => setShown({ kind: 'draft', id })}
                />
              )
            }
          />
        ))}
      {save.error && <ErrorMessage error={save.error} />}

      {shown.kind === 'draft' && (
        <>
          {draft.isPending && <Spinner aria-label={t('app.loading')} />}
          {draft.error && <ErrorMessage error={draft.error} />}
          {draft.data && (
            <DraftView
              draft={draft.data}
              headingRef={headingRef}
              {...(draft.data.result.valid && profile
                ? { sendAction: <SendDraftAction key={draft.data.id} draftId={draft.data.id} /> }
                : {})}
              busy={recheck.isPending || checkSource.isPending}
              onRecheck={() => recheck.mutate(draft.data.id)}
              onCheckSource={() => checkSource.mutate(draft.data.id, { onSuccess: showChecks })}
              onClose={() => setShown({ kind: 'nothing' })}
            />
          )}
          {recheck.isSuccess && (
            <Paragraph role="status" data-size="sm">
              {t('reports.rechecked')}
            </Paragraph>
          )}
          {recheck.error && <ErrorMessage error={recheck.error} />}
        </>
      )}

      <section className="stack" aria-labelledby="reports-drafts-title">
        <Heading level={2} data-size="md" id="reports-drafts-title">
          {t('reports.draftsTitle')}
        </Heading>
        {!profile && <Paragraph>{t('reports.draftsNoProfile')}</Paragraph>}
        {drafts.isPending && profile && <Spinner aria-label={t('app.loading')} />}
        {drafts.error && <ErrorMessage error={drafts.error} />}
        {drafts.data && (
          <DraftList
            drafts={drafts.data}
            openId={shown.kind === 'draft' ? shown.id : null}
            busy={remove.isPending}
            onOpen={(id) => setShown({ kind: 'draft', id })}
            onDelete={(d) => {
              if (!window.confirm(t('reports.deleteConfirm', { name: draftLabel(d, t, i18n.language) }))) return;
              remove.mutate(d.id, {
                onSuccess: () => shown.kind === 'draft' && shown.id === d.id && setShown({ kind: 'nothing' }),
              });
            }}
          />
        )}
        {remove.error && <ErrorMessage error={remove.error} />}
      </section>
    </div>
  );
}

/** With errors, saving is not the next step (fixing is), so it is offered as a secondary "save anyway". */
function SaveDraftAction({
  valid,
  savedDraftId,
  pending,
  onSave,
  onOpen,
}: {
  valid: boolean;
  savedDraftId: string | undefined;
  pending: boolean;
  onSave(): void;
  onOpen(id: string): void;
}) {
  const { t } = useTranslation();
  if (savedDraftId) {
    return (
      <>
        <Paragraph role="status" data-testid="draft-saved">
          {t('reports.saved')}
        </Paragraph>
        <Button variant="tertiary" onClick={() => onOpen(savedDraftId)}>
          {t('reports.openSaved')}
        </Button>
      </>
    );
  }
  const button = (
    <Button
      variant={valid ? 'primary' : 'secondary'}
      onClick={onSave}
      loading={pending}
      disabled={pending}
      data-testid="save-draft"
    >
      {t(valid ? 'reports.saveDraft' : 'reports.saveDraftAnyway')}
    </Button>
  );
  if (valid) return button;
  return (
    <>
      <Paragraph data-size="sm" data-testid="fix-first">
        {t('reports.fixFirstNote')}
      </Paragraph>
      {button}
    </>
  );
}
