import { useId, type MouseEvent } from 'react';
import { ErrorSummary, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Finding, Severity } from '../../../shared/reports/finding';
import { adviceFor } from '../../../shared/reports/finding-advice';
import { localized } from '../../i18n';
import { TechnicalDetails } from '../TechnicalDetails';
import { fileName } from './format';

const SEVERITIES: Severity[] = ['error', 'warning'];

interface Numbered {
  finding: Finding;
  anchor: string;
}

/**
 * Every finding, errors first: what is wrong, where (person, employment, month in words) and how to fix it in the
 * system that made the file. With errors, an ErrorSummary at the top links to each one. The code stays visible as
 * secondary text for support; file, line and path are under technical details.
 */
export function FindingsList({ findings, headingLevel = 3 }: { findings: readonly Finding[]; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const prefix = useId();
  const groupLevel = (headingLevel + 1) as 4 | 5;
  const numbered: Numbered[] = findings.map((finding, i) => ({ finding, anchor: `${prefix}-finding-${i + 1}` }));
  const errors = numbered.filter((n) => n.finding.severity === 'error');
  return (
    <div className="stack reports-findings">
      {errors.length > 0 && <FindingsSummary errors={errors} level={headingLevel} />}
      <Heading level={headingLevel} data-size="sm">
        {t('reports.findingsTitle')}
      </Heading>
      {findings.length === 0 && <Paragraph>{t('reports.noFindings')}</Paragraph>}
      {SEVERITIES.map((severity) => {
        const group = numbered.filter((n) => n.finding.severity === severity);
        if (group.length === 0) return null;
        return (
          <div key={severity} className="stack" data-testid={`findings-${severity}`}>
            <Heading level={groupLevel} data-size="xs">
              {t(severity === 'error' ? 'reports.errorsTitle' : 'reports.warningsTitle', { count: group.length })}
            </Heading>
            <ol className="reports-findings__list">
              {group.map(({ finding, anchor }) => (
                <FindingItem key={anchor} anchor={anchor} finding={finding} />
              ))}
            </ol>
          </div>
        );
      })}
    </div>
  );
}

/** The page uses hash routing, so a link moves focus to its finding itself rather than changing the URL's hash. */
function focusFinding(event: MouseEvent<HTMLAnchorElement>, anchor: string) {
  event.preventDefault();
  const target = document.getElementById(anchor);
  target?.scrollIntoView?.({ block: 'start' });
  target?.focus();
}

function FindingsSummary({ errors, level }: { errors: Numbered[]; level: 3 | 4 }) {
  const { t, i18n } = useTranslation();
  return (
    <ErrorSummary data-testid="error-summary">
      <ErrorSummary.Heading level={level}>
        {t('reports.errorSummaryTitle', { count: errors.length })}
      </ErrorSummary.Heading>
      <ErrorSummary.List>
        {errors.map(({ finding, anchor }) => (
          <ErrorSummary.Item key={anchor}>
            <ErrorSummary.Link href={`#${anchor}`} onClick={(e) => focusFinding(e, anchor)}>
              {/* Where first, as a bookkeeper looks it up: "Kari Nordmann, 010190 *****, januar 2026: …". */}
              {finding.where ? `${localized(finding.where, i18n.language)}: ` : ''}
              {localized(finding.message, i18n.language)}
            </ErrorSummary.Link>
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}

function FindingItem({ finding, anchor }: { finding: Finding; anchor: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const place = [
    finding.file ? fileName(finding.file) : '',
    finding.line !== undefined ? t('reports.line', { line: String(finding.line) }) : '',
  ].filter(Boolean);
  return (
    <li
      id={anchor}
      tabIndex={-1}
      className={`reports-finding reports-finding--${finding.severity}`}
      data-code={finding.code}
    >
      <div className="reports-finding__head">
        <Tag data-color={finding.severity === 'error' ? 'danger' : 'warning'} data-size="sm">
          {t(finding.severity === 'error' ? 'reports.severityError' : 'reports.severityWarning')}
        </Tag>
      </div>
      <Paragraph className="reports-finding__message">{localized(finding.message, lang)}</Paragraph>
      {finding.where && (
        <Paragraph data-size="sm" data-testid="finding-where">
          <strong>{t('reports.findingWhere')}</strong> {localized(finding.where, lang)}
        </Paragraph>
      )}
      <Paragraph data-size="sm" data-testid="finding-fix">
        <strong>{t('reports.findingFix')}</strong> {localized(adviceFor(finding.code), lang)}
      </Paragraph>
      <Paragraph data-size="sm" className="reports-finding__code" data-support-code="">
        {t('reports.findingCode', { code: finding.code })}
      </Paragraph>
      {(place.length > 0 || finding.path) && (
        <TechnicalDetails>
          <Paragraph data-size="sm" className="reports-finding__where">
            {place.length > 0 && <span title={finding.file}>{place.join(', ')}</span>}
            {place.length > 0 && finding.path && ' · '}
            {finding.path && <code>{finding.path}</code>}
          </Paragraph>
        </TechnicalDetails>
      )}
    </li>
  );
}
