import type { TFunction } from 'i18next';
import { formatMonth } from '../../../shared/format';
import type { SubmissionTarget } from '../../../shared/outbox/submission';
import { schemeById } from '../../../shared/tredjepart/schemes';
import { localized } from '../../i18n';

/**
 * A submission's headline in words ("A-melding for januar 2026"), from what it is rather than its stored label, which
 * carries the meldingsId or the org number for the audit log and so stays under technical details.
 */
export function submissionTitle(target: SubmissionTarget, t: TFunction, language: string): string {
  switch (target.service) {
    case 'a-melding':
      return t('reports.titleAMelding', { period: formatMonth(target.kalendermaaned, language) });
    case 'aksjonaerregisteroppgave':
      return t('reports.titleRf1086', { year: target.inntektsaar });
    case 'skattekort-til-arbeidsgiver':
      return t('outbox.titleSkattekort', { year: target.inntektsaar, count: target.arbeidstakere });
    case 'tredjepart':
      return t('outbox.titleTredjepart', {
        scheme: localized(schemeById(target.scheme).title, language),
        year: target.inntektsaar,
      });
  }
}
