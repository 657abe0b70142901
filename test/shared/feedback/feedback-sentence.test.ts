import { describe, expect, it } from 'vitest';
import { feedbackSentence } from '../../../shared/feedback/feedback-sentence';
import { requestOutcomeWords } from '../../../shared/domain/altinn-request-status';

describe('the one-sentence notification for feedback', () => {
  it('names the company, the report and its month, and the outcome with the deviations counted', () => {
    const facts = {
      serviceId: 'a-melding',
      period: '2026-01',
      outcome: 'received-with-deviations',
      deviations: 2,
    } as const;
    expect(feedbackSentence('Fjellstue AS', facts)).toEqual({
      nb: 'Fjellstue AS: a-meldingen for januar 2026 er mottatt, med 2 avvik.',
      en: 'Fjellstue AS: the a-melding for January 2026 was received, with 2 deviations.',
    });
    expect(feedbackSentence('Fjellstue AS', { ...facts, deviations: 1 }).en).toBe(
      'Fjellstue AS: the a-melding for January 2026 was received, with 1 deviation.',
    );
  });

  it('says rejection, approval and a document not read yet in words, never as a status code', () => {
    const rf = { serviceId: 'aksjonaerregisteroppgave', period: '2025', deviations: 0 } as const;
    expect(feedbackSentence('Fjellstue AS', { ...rf, outcome: 'rejected' }).nb).toBe(
      'Fjellstue AS: aksjonærregisteroppgaven for 2025 ble avvist.',
    );
    expect(feedbackSentence('Fjellstue AS', { ...rf, outcome: 'approved' }).en).toBe(
      'Fjellstue AS: the shareholder register return for 2025 was approved.',
    );
    expect(
      feedbackSentence('Fjellstue AS', { serviceId: null, period: null, outcome: 'document-pending', deviations: 0 })
        .nb,
    ).toBe('Fjellstue AS: innsendingen har fått svar fra Skatteetaten.');
  });
});

describe('Altinn request statuses in words', () => {
  it.each([
    ['Rejected', 'ble avvist i Altinn', 'was rejected in Altinn'],
    ['Denied', 'ble nektet i Altinn', 'was denied in Altinn'],
    ['Timedout', 'ble ikke besvart i tide og er utløpt', 'was not answered in time and has expired'],
    ['Something', 'er endret i Altinn', 'has changed in Altinn'],
  ])('%s', (status, nb, en) => {
    expect(requestOutcomeWords(status)).toEqual({ nb, en });
  });
});
