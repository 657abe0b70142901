import { describe, expect, it } from 'vitest';
import { submissionTitle } from '../../../renderer/components/outbox/submission-title';
import { initI18n } from '../../../renderer/i18n';
import type { SubmissionTarget } from '../../../shared/outbox/submission';

const targets: Record<string, SubmissionTarget> = {
  amelding: { service: 'a-melding', kalendermaaned: '2026-01', opplysningspliktig: '974761076', meldingsId: 'm-1' },
  rf1086: { service: 'aksjonaerregisteroppgave', inntektsaar: '2025', oppgavegiver: '314259521', underskjemaer: 2 },
  oneEmployee: {
    service: 'skattekort-til-arbeidsgiver',
    inntektsaar: '2026',
    arbeidsgiver: '974761076',
    bestillingstype: 'HENT_ALLE_OPPGITTE',
    arbeidstakere: 1,
  },
  twoEmployees: {
    service: 'skattekort-til-arbeidsgiver',
    inntektsaar: '2026',
    arbeidsgiver: '974761076',
    bestillingstype: 'HENT_KUN_ENDRING',
    arbeidstakere: 2,
  },
  tredjepart: {
    service: 'tredjepart',
    scheme: 'boligsameie',
    inntektsaar: '2025',
    oppgavegiver: '974761076',
    antallOppgaver: 2,
  },
};

function titles(language: 'nb' | 'en') {
  const i18n = initI18n(language);
  return Object.fromEntries(
    Object.entries(targets).map(([name, target]) => [name, submissionTitle(target, i18n.t, language)]),
  );
}

describe("a submission's headline in words", () => {
  it('names the report and its period in bokmål, with no meldingsId or org number', () => {
    expect(titles('nb')).toEqual({
      amelding: 'A-melding for januar 2026',
      rf1086: 'Aksjonærregisteroppgave for 2025',
      oneEmployee: 'Bestilling av skattekort for 2026, 1 arbeidstaker',
      twoEmployees: 'Bestilling av skattekort for 2026, 2 arbeidstakere',
      tredjepart: 'Boligsameie (RF-1140) for 2025',
    });
  });

  it('and in English', () => {
    expect(titles('en')).toEqual({
      amelding: 'A-melding for January 2026',
      rf1086: 'Shareholder register return for 2025',
      oneEmployee: 'Tax card order for 2026, 1 employee',
      twoEmployees: 'Tax card order for 2026, 2 employees',
      tredjepart: 'Housing co-ownership (RF-1140) for 2025',
    });
  });
});
