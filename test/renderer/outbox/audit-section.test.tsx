import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AuditSection } from '../../../renderer/components/outbox/AuditSection';
import { auditNote, damageFinding, lineFinding } from '../../../main/outbox/audit-findings';
import { AuditVerifyResultSchema, type AuditVerifyResult } from '../../../shared/outbox/outbox-views';
import { renderWithProviders } from '../render-with-providers';

/** The result as it crosses IPC (parsed by the contract's own schema), worded by main's own findings. */
const broken = AuditVerifyResultSchema.parse({
  ok: false,
  entries: 4,
  findings: [lineFinding.hash(3), damageFinding({ kind: 'head-forged', headSeq: 4 }, null)],
} satisfies AuditVerifyResult);

async function verifyWith(result: AuditVerifyResult, language: 'nb' | 'en') {
  renderWithProviders(<AuditSection />, { 'audit.verify': () => ({ ok: true, value: result }) }, { language });
  await userEvent.setup().click(screen.getByTestId('audit-verify'));
  return screen.findByTestId('audit-result');
}

describe('the audit section', () => {
  it('lists every finding with its line, or as the file’s, in Norwegian', async () => {
    const alert = await verifyWith(broken, 'nb');
    expect(alert.dataset.ok).toBe('false');
    expect(alert).toHaveTextContent('Loggen er ikke intakt (2 funn):');
    const items = within(alert).getAllByTestId('audit-finding');
    expect(items.map((i) => i.dataset.code)).toEqual(['AUDIT_HASH', 'AUDIT_HEAD_FORGED']);
    expect(items[0]).toHaveTextContent('Linje 3: Innholdet stemmer ikke med hashen: oppføringen er endret.');
    expect(items[1]).toHaveTextContent(/^Hodefilen \(oppføring 4\) er ikke skrevet av Innsender/);
  });

  it('says in English that the log is intact, and what is worth knowing (not anchored yet)', async () => {
    const alert = await verifyWith(
      { ok: true, entries: 3, lastHash: 'a'.repeat(64), anchored: false, notes: [auditNote.notAnchored] },
      'en',
    );
    expect(alert.dataset.ok).toBe('true');
    expect(alert).toHaveTextContent('all 3 entries link up');
    expect(within(alert).getByTestId('audit-note')).toHaveTextContent('The log is not anchored yet');
  });
});
