import type { ReactNode } from 'react';
import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { StepState } from '../../../shared/domain/setup';

const COLOR: Record<StepState, 'success' | 'info' | 'warning' | 'danger' | 'neutral'> = {
  done: 'success',
  ready: 'info',
  waiting: 'warning',
  attention: 'danger',
  blocked: 'neutral',
};

/** One numbered wizard step with its status; a blocked step shows only why it waits. */
export function StepSection(props: {
  id: string;
  number: number;
  title: string;
  state: StepState;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = `setup-step-${props.id}`;
  return (
    <li className="setup-step" data-state={props.state} data-testid={`step-${props.id}`}>
      <section className="stack" aria-labelledby={headingId}>
        <div className="setup-step__head">
          <Heading level={3} data-size="xs" id={headingId}>
            {t('setup.wizard.stepLabel', { n: String(props.number) })}: {props.title}
          </Heading>
          <Tag data-color={COLOR[props.state]} data-testid={`step-${props.id}-state`}>
            {t(`setup.wizard.state.${props.state}`)}
          </Tag>
        </div>
        {props.state === 'blocked' ? (
          <Paragraph data-size="sm">{t('setup.wizard.blockedBody')}</Paragraph>
        ) : (
          props.children
        )}
      </section>
    </li>
  );
}
