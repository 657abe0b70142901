import { describe, expect, it } from 'vitest';
import { schemeCandidates } from '../../../shared/tredjepart/scheme-of-melding';
import { SCHEME_IDS } from '../../../shared/tredjepart/schemes';
import { tredjepartFixture } from '../../main/support/tredjepart-fixtures';

// The fixtures are Skatteetaten's published examples (Skatteetaten/api-dokumentasjon docs/api/innrapportering-*.md,
// each named in shared/tredjepart/README.md), so each scheme is told from the fields its own example has.
describe('the scheme a tredjepart melding fits', () => {
  it.each(SCHEME_IDS)('%s: its published example fits it alone', (scheme) => {
    expect(schemeCandidates(tredjepartFixture(scheme))).toEqual([scheme]);
  });

  it('a boligselskap melding without its own fields (no boenhet, no likningsverdi) may be either housing scheme', () => {
    const melding = tredjepartFixture('boligselskap');
    for (const leveranse of melding.leveranse) {
      delete leveranse.oppgaveoppsummering.sumAndelLikningsverdiBoenhet;
      for (const oppgave of leveranse.oppgave) {
        delete oppgave.boenhet;
        delete oppgave.andelLikningsverdiBoenhet;
      }
    }
    expect(schemeCandidates(melding)).toEqual(['boligselskap', 'boligsameie']);
  });

  it('a melding with the fields of two schemes is not guessed', () => {
    const melding = tredjepartFixture('gavertilfrivillige');
    melding.leveranse.oppgaveoppsummering.sumUtbetalt = '1';
    expect(schemeCandidates(melding)).toEqual(['gavertilfrivillige', 'skattefrieutbetalinger']);
  });

  it('a melding with no scheme’s fields may be any scheme', () => {
    const melding = tredjepartFixture('gavertilfrivillige');
    melding.leveranse.oppgave = [];
    melding.leveranse.oppgaveoppsummering = { antallOppgaver: '0' };
    expect(schemeCandidates(melding)).toEqual([...SCHEME_IDS]);
    expect(schemeCandidates({ leveranse: null })).toEqual([...SCHEME_IDS]);
  });
});
