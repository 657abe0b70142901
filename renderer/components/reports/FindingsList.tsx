import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Finding, Severity } from '../../../shared/reports/finding';
import { localized } from '../../i18n';
import { fileName } from './format';

const SEVERITIES: Severity[] = ['error', 'warning'];

/** Findings grouped by severity (errors first), each with its code, message, and where in the file it is. */
export function FindingsList({ findings, headingLevel = 3 }: { findings: readonly Finding[]; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const groupLevel = (headingLevel + 1) as 4 | 5;
  return (
    <div className="stack reports-findings">
      <Heading level={headingLevel} data-size="sm">
        {t('reports.findingsTitle')}
      </Heading>
      {findings.length === 0 && <Paragraph>{t('reports.noFindings')}</Paragraph>}
      {SEVERITIES.map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        return (
          <div key={severity} className="stack" data-testid={`findings-${severity}`}>
            <Heading level={groupLevel} data-size="xs">
              {t(severity === 'error' ? 'reports.errorsTitle' : 'reports.warningsTitle', { count: group.length })}
            </Heading>
            <ol className="reports-findings__list">
              {group.map((finding, i) => (
                <FindingItem key={`${finding.code}-${finding.path}-${i}`} finding={finding} />
              ))}
            </ol>
          </div>
        );
      })}
    </div>
  );
}

function FindingItem({ finding }: { finding: Finding }) {
  const { t, i18n } = useTranslation();
  const where = [
    finding.file ? fileName(finding.file) : '',
    finding.line !== undefined ? t('reports.line', { line: String(finding.line) }) : '',
  ].filter(Boolean);
  return (
    <li className={`reports-finding reports-finding--${finding.severity}`} data-code={finding.code}>
      <div className="reports-finding__head">
        <Tag data-color={finding.severity === 'error' ? 'danger' : 'warning'} data-size="sm">
          {t(finding.severity === 'error' ? 'reports.severityError' : 'reports.severityWarning')}
        </Tag>
        <code className="reports-finding__code">{finding.code}</code>
      </div>
      <Paragraph className="reports-finding__message">{localized(finding.message, i18n.language)}</Paragraph>
      {(where.length > 0 || finding.path) && (
        <Paragraph data-size="sm" className="reports-finding__where">
          {where.length > 0 && <span title={finding.file}>{where.join(', ')}</span>}
          {where.length > 0 && finding.path && ' · '}
          {finding.path && <code>{finding.path}</code>}
        </Paragraph>
      )}
    </li>
  );
}
