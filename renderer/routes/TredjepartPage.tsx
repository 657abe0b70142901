import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Button,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Spinner,
  Textfield,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useProfiles } from '../bridge/queries';
import {
  useCheckDroppedTredjepart,
  useDeleteTredjepartDraft,
  usePickTredjepart,
  useSaveTredjepartDraft,
  useTredjepartDrafts,
} from '../bridge/tredjepart-queries';
import { ErrorMessage } from '../components/ErrorMessage';
import { readDroppedFiles } from '../components/reports/read-dropped-files';
import { TredjepartCheckView } from '../components/tredjepart/TredjepartCheckView';
import { draftTitle, TredjepartDraftList } from '../components/tredjepart/TredjepartDraftList';
import { TredjepartFileInput } from '../components/tredjepart/TredjepartFileInput';
import { localized } from '../i18n';
import type { Profile } from '../../shared/domain/profile';
import { SCHEME_IDS, SCHEMES, type SchemeId } from '../../shared/tredjepart/schemes';
import { MAX_DROPPED_BYTES, type TredjepartCheck } from '../../shared/tredjepart/tredjepart-views';
import { RulesForProfile } from '../components/reports/RulesForProfile';

export function TredjepartPage() {
  const profiles = useProfiles();
  const profile = profiles.data?.profiles.find((p) => p.id === profiles.data?.activeProfileId) ?? null;
  // Another profile has other drafts and another organisation to check against.
  return <TredjepartWorkspace key={profile?.id ?? 'none'} profile={profile} />;
}

function TredjepartWorkspace({ profile }: { profile: Profile | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [scheme, setScheme] = useState<SchemeId>('boligselskap');
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [check, setCheck] = useState<TredjepartCheck | null>(null);
  const [savedId, setSavedId] = useState<string | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const pick = usePickTredjepart();
  const drop = useCheckDroppedTredjepart();
  const save = useSaveTredjepartDraft();
  const remove = useDeleteTredjepartDraft();
  const drafts = useTredjepartDrafts(profile?.id ?? null);
  const yearValid = /^\d{4}$/.test(year);
  const busy = pick.isPending || drop.isPending;

  useEffect(() => headingRef.current?.focus(), [check?.checkId]);
  const show = (c: TredjepartCheck | null) => {
    if (!c) return;
    setCheck(c);
    setSavedId(null);
  };
  const yearInput = yearValid ? { inntektsaar: year } : {};

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('tredjepart.title')}
      </Heading>
      <Paragraph>{t('tredjepart.intro')}</Paragraph>
      <RulesForProfile profile={profile} testId="tredjepart-rules-for" noProfile={t('tredjepart.noProfile')} />

      <section className="stack" aria-labelledby="tredjepart-choose-title">
        <Heading level={2} data-size="sm" id="tredjepart-choose-title">
          {t('tredjepart.chooseTitle')}
        </Heading>
        <Field>
          <Label>{t('tredjepart.scheme')}</Label>
          <Select
            value={scheme}
            onChange={(e) => setScheme(e.target.value as SchemeId)}
            data-testid="tredjepart-scheme"
          >
            {SCHEME_IDS.map((id) => (
              <Select.Option key={id} value={id}>
                {localized(SCHEMES[id].title, lang)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield
          label={t('tredjepart.inntektsaar')}
          description={t('tredjepart.inntektsaarHelp')}
          inputMode="numeric"
          value={year}
          onChange={(e) => setYear(e.target.value.trim())}
          error={yearValid ? undefined : t('tredjepart.inntektsaarInvalid')}
          data-testid="tredjepart-year"
        />
        <TredjepartFileInput
          busy={busy}
          onPick={() => {
            setTooLarge(false);
            pick.mutate({ scheme, ...yearInput }, { onSuccess: show });
          }}
          onDropFile={(file) =>
            void readDroppedFiles([file]).then((read) => {
              setTooLarge(!read.ok);
              const [f] = read.ok ? read.files : [];
              if (f)
                drop.mutate(
                  { scheme, name: f.name, contentBase64: f.contentBase64, ...yearInput },
                  { onSuccess: show },
                );
            })
          }
        />
      </section>
      {tooLarge && (
        <Alert data-color="danger" role="alert">
          {t('reports.dropTooLarge', { mib: String(MAX_DROPPED_BYTES / 1024 / 1024) })}
        </Alert>
      )}
      {(pick.error ?? drop.error) && <ErrorMessage error={pick.error ?? drop.error} />}

      {check && (
        <TredjepartCheckView
          result={check.result}
          headingRef={headingRef}
          actions={
            profile &&
            check.result.summary &&
            (savedId ? (
              <Paragraph role="status" data-testid="tredjepart-saved">
                {t('tredjepart.saved')}
              </Paragraph>
            ) : (
              // The primary action follows the verdict: with errors, fixing comes first and saving is "anyway".
              <Button
                variant={check.result.valid ? 'primary' : 'secondary'}
                loading={save.isPending}
                disabled={save.isPending}
                data-testid="tredjepart-save"
                onClick={() => save.mutate(check.checkId, { onSuccess: (d) => setSavedId(d.id) })}
              >
                {t(check.result.valid ? 'tredjepart.save' : 'reports.saveDraftAnyway')}
              </Button>
            ))
          }
        />
      )}
      {save.error && <ErrorMessage error={save.error} />}

      <section className="stack" aria-labelledby="tredjepart-drafts-title">
        <Heading level={2} data-size="md" id="tredjepart-drafts-title">
          {t('tredjepart.draftsTitle')}
        </Heading>
        {drafts.isPending && profile && <Spinner aria-label={t('app.loading')} />}
        {drafts.error && <ErrorMessage error={drafts.error} />}
        {drafts.data && (
          <TredjepartDraftList
            drafts={drafts.data}
            busy={remove.isPending}
            onDelete={(d) => {
              if (!window.confirm(t('tredjepart.deleteConfirm', { name: draftTitle(d, lang) }))) return;
              remove.mutate(d.id);
            }}
          />
        )}
        {remove.error && <ErrorMessage error={remove.error} />}
      </section>
    </div>
  );
}
