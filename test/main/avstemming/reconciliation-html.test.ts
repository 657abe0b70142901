import { describe, expect, it } from 'vitest';
import { reconciliationHtml } from '../../../main/avstemming/reconciliation-html';
import type { Reconciliation } from '../../../shared/avstemming/reconcile';

const view: Reconciliation = {
  opplysningspliktig: '211785462',
  fra: '2026-01',
  til: '2026-01',
  fetchedAt: '2026-02-10T08:00:00.000Z',
  recipients: [
    {
      identifikator: '08842199736',
      navn: 'Kari <b>Nordmann</b> & co',
      skatteetaten: { inntekt: '40000', forskuddstrekk: '-12000' },
      innsender: { inntekt: '39000', forskuddstrekk: '-12000' },
      status: 'differs',
    },
  ],
  meldinger: [
    { meldingsId: 'm-1', kalendermaaned: '2026-01', atSkatteetaten: true, sentByInnsender: true },
    { meldingsId: 'lonn-1', kalendermaaned: '2026-01', atSkatteetaten: true, sentByInnsender: false },
  ],
  totals: {
    skatteetaten: { inntekt: '40000', forskuddstrekk: '-12000', arbeidsgiveravgift: '5640' },
    innsender: { inntekt: '39000', forskuddstrekk: '-12000' },
    status: 'differs',
  },
};

describe('the reconciliation as the HTML page printed to PDF', () => {
  it('holds the rows, the totals and the meldinger in the user’s language, with names escaped and no script', () => {
    const nb = reconciliationHtml(view, 'nb');
    expect(nb).toContain('<html lang="nb">');
    expect(nb).toContain('Kari &#60;b&#62;Nordmann&#60;/b&#62; &#38; co');
    expect(nb).not.toContain('<b>Nordmann');
    expect(nb).toMatch(/<td>08842199736<\/td>.*<td class="n">40000<\/td><td class="n">39000<\/td>.*<td>Avvik<\/td>/s);
    expect(nb).toContain('<li>lonn-1 (2026-01): registrert hos Skatteetaten, ikke sendt fra Innsender</li>');
    expect(nb).toContain('Arbeidsgiveravgift registrert hos Skatteetaten: 5640');
    expect(nb).not.toMatch(/<script|src=|href=/i);

    const en = reconciliationHtml(view, 'en');
    expect(en).toContain('<td>Differs</td>');
    expect(en).toContain('<li>m-1 (2026-01): registered at Skatteetaten, sent from Innsender</li>');
  });
});
