import { describe, expect, it } from 'vitest';
import { interpretFeedbackDocument } from '../../../shared/feedback/interpret-feedback';

/** The GLD innsendingstilbakemelding as the sandbox writes it for a tredjepart melding (§2.5, UNCONFIRMED). */
const doc = (oppgavetype: string, leveranse: Record<string, unknown>) =>
  JSON.stringify({
    tilbakemelding: {
      oppgavetype,
      innsending: { behandletTidspunkt: '2026-02-01T10:00:00Z' },
      fil: [{ leveranse: [{ inntektsaar: '2025', oppgaveoppsummering: { antallOppgaver: 3 }, ...leveranse }] }],
    },
  });

describe('reading a tredjepart feedback document', () => {
  it('names the scheme and says it was approved', () => {
    const view = interpretFeedbackDocument(
      doc('gavertilfrivillige', { leveransestatus: 'godkjent' }),
      'application/json',
    );
    expect(view).toMatchObject({
      kind: 'tredjepart',
      scheme: 'gavertilfrivillige',
      outcome: 'approved',
      processedAt: '2026-02-01T10:00:00Z',
      deliveries: [{ inntektsaar: '2025', tasks: 3 }],
    });
    expect(view.headline.en).toBe('Gifts to voluntary organisations (RF-1310): the delivery was approved.');
  });

  it('reads warnings and rejections with their codes', () => {
    const warned = interpretFeedbackDocument(
      doc('boligselskap', {
        leveransestatus: 'godkjent',
        avvik: [
          {
            avvikskode: 'TREDJEPART_KILDESYSTEM_MISSING',
            avvikstekst: 'Kildesystem mangler',
            alvorlighetsgrad: 'advarsel',
          },
        ],
      }),
      'application/json',
    );
    expect(warned).toMatchObject({ kind: 'tredjepart', outcome: 'approved-with-warnings' });
    const rejected = interpretFeedbackDocument(doc('boligsameie', { leveransestatus: 'avvist' }), 'application/json');
    expect(rejected).toMatchObject({ kind: 'tredjepart', scheme: 'boligsameie', outcome: 'rejected' });
    expect(rejected.headline.nb).toContain('Boligsameie (RF-1140): leveransen ble avvist.');
  });

  it('leaves RF-1086 and unnamed GLD feedback as the shareholder register return', () => {
    for (const type of ['aksjonaerregisteroppgave', 'noe-annet']) {
      expect(interpretFeedbackDocument(doc(type, { leveransestatus: 'godkjent' }), 'application/json').kind).toBe(
        'aksjonaerregisteroppgave',
      );
    }
  });
});
