import { Alert, Button, Heading, Paragraph, List } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { BridgeError } from '../bridge/api';
import { localized } from '../i18n';
import { useOpenExternal } from '../bridge/queries';
import { TechnicalDetails } from './TechnicalDetails';

/** Shows an error from main in the user's language; its code (what support asks for) and details under Tekniske detaljer. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  const shape =
    error instanceof BridgeError
      ? error.shape
      : {
          code: 'INTERNAL',
          message: { nb: String((error as Error)?.message ?? error), en: String((error as Error)?.message ?? error) },
        };
  return (
    <Alert data-color="danger" role="alert">
      <Heading level={2} data-size="xs">
        {t('app.errorTitle')}
      </Heading>
      <Paragraph>{localized(shape.message, i18n.language)}</Paragraph>
      {'prerequisite' in shape && shape.prerequisite?.url && <OpenPrerequisite url={shape.prerequisite.url} />}
      {/* The code (what support asks for) and main's details, which name the operation and the library's words in
          English whatever the language: closed, so the alert itself speaks plainly. */}
      <TechnicalDetails testId="error-technical">
        <Paragraph data-size="xs">
          <code>{shape.code}</code>
        </Paragraph>
        {'details' in shape && shape.details && shape.details.length > 0 && (
          <List.Unordered data-size="sm">
            {shape.details.map((d) => (
              <List.Item key={d}>{d}</List.Item>
            ))}
          </List.Unordered>
        )}
      </TechnicalDetails>
    </Alert>
  );
}

/** A refusal that means a setup prerequisite is missing links to where it is done (shared/domain/prerequisites.ts). */
function OpenPrerequisite({ url }: { url: string }) {
  const { t } = useTranslation();
  const open = useOpenExternal();
  return (
    <div className="row">
      <Button variant="secondary" data-size="sm" onClick={() => open.mutate(url)} data-testid="open-prerequisite">
        {t('setup.prerequisites.open', { host: new URL(url).hostname })}
      </Button>
    </div>
  );
}
