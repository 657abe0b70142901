import { describe, expect, it } from 'vitest';
import { skatteetatenError } from '../../../main/skatteetaten/skatteetaten-errors';

// The shape of Skatteetaten's error body: `kode`, `melding`, `korrelasjonsid` and `spesifisering: [{kode, melding,
// sti, angittVerdi}]` (skatteetaten-apis.md §0.4; Skatteetaten/api-dokumentasjon, the a-melding API's feilkoder).
const body = {
  kode: 'AMLD_010',
  melding: 'Innsendingen feilet validering',
  korrelasjonsid: '5cea0401-6ef2-49a0-882c-5a471ec2309a',
  spesifisering: [
    { kode: 'AMLD_1101', melding: 'Meldings-ID m-1 er allerede brukt', sti: 'leveranse/meldingsId' },
    { kode: 'AMLD_1102', melding: 'Kalendermåneden er ugyldig.' },
  ],
};

describe('Skatteetaten’s words in a rejection', () => {
  it('quotes the general melding and each specification as sentences, not run together', () => {
    const error = skatteetatenError(400, body, undefined);
    expect(error.localized.nb).toContain(
      'Skatteetaten: «Innsendingen feilet validering. Meldings-ID m-1 er allerede brukt. Kalendermåneden er ugyldig.»',
    );
    expect(error.localized.en).toContain(
      'Skatteetaten: “Innsendingen feilet validering. Meldings-ID m-1 er allerede brukt. Kalendermåneden er ugyldig.”',
    );
  });

  it('leaves a melding that already ends a sentence, or stands alone, as Skatteetaten wrote it', () => {
    const alone = skatteetatenError(400, { ...body, spesifisering: [] }, undefined);
    expect(alone.localized.nb).toContain('Skatteetaten: «Innsendingen feilet validering»');
    const ended = skatteetatenError(400, { ...body, melding: 'Feil i innsendingen:' }, undefined);
    expect(ended.localized.nb).toContain('«Feil i innsendingen: Meldings-ID m-1 er allerede brukt. Kalendermåneden');
  });
});
