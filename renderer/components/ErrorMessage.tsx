import { Alert, Button, Heading, Paragraph, List } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { BridgeError } from '../bridge/api';
import { localized } from '../i18n';
import { useOpenExternal } from '../bridge/queries';
import { TechnicalDetails } from './TechnicalDetails';

/** Shows an error from main in the user's language, with its code (what support asks for) and any details. */
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
      {/* Main's details name the operation and the library's words, in English whatever the language: for support. */}
      {'details' in shape && shape.details && shape.details.length > 0 && (
        <TechnicalDetails testId="error-technical">
          <List.Unordered data-size="sm">
            {shape.details.map((d) => (
              <List.Item key={d}>{d}</List.Item>
            ))}
          </List.Unordered>
        </TechnicalDetails>
      )}
      {'prerequisite' in shape && shape.prerequisite?.url && <OpenPrerequisite url={shape.prerequisite.url} />}
      <Paragraph data-size="xs">
        <code>{shape.code}</code>
      </Paragraph>
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
