import { Button, Checkbox, Heading, List, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { PREREQUISITES, type ChecklistEnvironment, type Prerequisite } from '../../../shared/domain/prerequisites';
import { useOpenExternal } from '../../bridge/queries';
import { usePrerequisiteChecklist, useTickPrerequisite } from '../../bridge/prerequisites-queries';
import { localized } from '../../i18n';
import { ErrorMessage } from '../ErrorMessage';

/**
 * What must be done at Digdir, Altinn and Skatteetaten before the first token, for the active profile's
 * environment, each with its link and a tick the user sets when it is done (kept per profile in main). The sandbox
 * needs none of it, and says so.
 */
export function PrerequisiteChecklist() {
  const { t } = useTranslation();
  const checklist = usePrerequisiteChecklist();
  const data = checklist.data;
  const doneCount = data?.done.length ?? 0;
  return (
    <section className="stack" aria-labelledby="prerequisites-title" data-testid="prerequisites">
      <Heading level={3} data-size="xs" id="prerequisites-title">
        {t('setup.prerequisites.title')}
      </Heading>
      {checklist.error && <ErrorMessage error={checklist.error} />}
      {data?.environment === 'sandbox' && <SandboxNote />}
      {data && data.environment !== 'sandbox' && (
        <>
          <Paragraph data-size="sm">
            {t('setup.prerequisites.intro', {
              environment: t(`setup.prerequisites.environment.${data.environment}`),
            })}
          </Paragraph>
          <Paragraph data-size="sm" data-testid="prerequisites-progress">
            {t('setup.prerequisites.progress', { done: String(doneCount), total: String(PREREQUISITES.length) })}
          </Paragraph>
          <ul className="setup-prerequisites">
            {PREREQUISITES.map((p) => (
              <PrerequisiteItem
                key={p.id}
                prerequisite={p}
                environment={data.environment as ChecklistEnvironment}
                done={data.done.some((d) => d.id === p.id)}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function SandboxNote() {
  const { t, i18n } = useTranslation();
  return (
    <div className="stack" data-testid="prerequisites-sandbox">
      <Paragraph data-size="sm">{t('setup.prerequisites.sandbox')}</Paragraph>
      <List.Unordered data-size="sm">
        {PREREQUISITES.map((p) => (
          <List.Item key={p.id}>
            {localized(p.title, i18n.language)}: {localized(p.sandbox, i18n.language)}
          </List.Item>
        ))}
      </List.Unordered>
    </div>
  );
}

function PrerequisiteItem(props: { prerequisite: Prerequisite; environment: ChecklistEnvironment; done: boolean }) {
  const { t, i18n } = useTranslation();
  const tick = useTickPrerequisite();
  const open = useOpenExternal();
  const { prerequisite, environment } = props;
  const step = prerequisite.steps[environment];
  return (
    <li className="stack" data-testid={`prerequisite-${prerequisite.id}`}>
      <Checkbox
        label={localized(prerequisite.title, i18n.language)}
        description={localized(step.text, i18n.language)}
        checked={props.done}
        disabled={tick.isPending}
        onChange={(e) => tick.mutate({ id: prerequisite.id, done: e.target.checked })}
        data-testid={`prerequisite-${prerequisite.id}-done`}
      />
      <div className="row">
        <Button variant="tertiary" data-size="sm" onClick={() => open.mutate(step.link)}>
          {t('setup.prerequisites.open', { host: new URL(step.link).hostname })}
        </Button>
      </div>
      {tick.error && <ErrorMessage error={tick.error} />}
      {open.error && <ErrorMessage error={open.error} />}
    </li>
  );
}
