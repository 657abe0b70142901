import { text, type LocalizedText } from '../../shared/domain/localized';
import type { AuditFinding } from '../../shared/outbox/outbox-views';

/**
 * What can be wrong with the end of the log, its head or its anchor. The writer keeps what it finds in a
 * `log-damaged` entry (so a later write never hides it), and verify reports it; both word it here.
 */
export type AuditDamage =
  | { kind: 'tail-cut'; headSeq: number; lastSeq: number; tornBytes?: number; remains?: string }
  | { kind: 'tail-replaced'; seq: number }
  | { kind: 'tail-garbage'; afterSeq: number; bytes: number; remains: string }
  | { kind: 'head-missing'; lastSeq: number }
  | { kind: 'head-behind'; headSeq: number; lastSeq: number }
  | { kind: 'head-forged'; headSeq: number }
  | { kind: 'head-unreadable' }
  | { kind: 'key-missing' }
  | { kind: 'anchor-cut'; since: number; lastSeq: number };

const entries = (from: number, to: number, nb: boolean) =>
  from === to ? `${nb ? 'Oppføring' : 'Entry'} ${from}` : `${nb ? 'Oppføring' : 'Entries'} ${from}–${to}`;

export function describeDamage(damage: AuditDamage): LocalizedText {
  switch (damage.kind) {
    case 'tail-cut': {
      const torn = damage.tornBytes
        ? text(
            ` (${damage.tornBytes} byte av en avkuttet linje står igjen)`,
            ` (${damage.tornBytes} bytes of a cut line are left)`,
          )
        : text('', '');
      return text(
        `${entries(damage.lastSeq + 1, damage.headSeq, true)} er fjernet fra slutten: hodefilen sier at oppføring ` +
          `${damage.headSeq} ble skrevet, men loggen slutter ved oppføring ${damage.lastSeq}${torn.nb}`,
        `${entries(damage.lastSeq + 1, damage.headSeq, false)} removed from the end: the head says entry ` +
          `${damage.headSeq} was written, but the log ends at entry ${damage.lastSeq}${torn.en}`,
      );
    }
    case 'tail-replaced':
      return text(
        `Oppføring ${damage.seq} er ikke den hodefilen registrerte: den siste oppføringen er byttet ut`,
        `Entry ${damage.seq} is not the one the head recorded: the last entry was replaced`,
      );
    case 'tail-garbage':
      return text(
        `Etter oppføring ${damage.afterSeq} står ${damage.bytes} byte med hele linjer som ikke er oppføringer`,
        `After entry ${damage.afterSeq} there are ${damage.bytes} bytes of whole lines that are not entries`,
      );
    case 'head-missing':
      return text(
        `Hodefilen (audit.jsonl.head) mangler, men loggen har ${damage.lastSeq} oppføringer`,
        `The head file (audit.jsonl.head) is missing, though the log has ${damage.lastSeq} entries`,
      );
    case 'head-behind':
      return text(
        `Hodefilen står ved oppføring ${damage.headSeq}, men loggen går til oppføring ${damage.lastSeq}: en gammel ` +
          'hodefil er lagt tilbake, eller oppføringer er lagt til etter den',
        `The head is at entry ${damage.headSeq}, but the log goes on to entry ${damage.lastSeq}: an old head file ` +
          'was put back, or entries were added after it',
      );
    case 'head-forged':
      return text(
        `Hodefilen (oppføring ${damage.headSeq}) er ikke skrevet av Innsender med denne virksomhetens nøkkel ` +
          '(MAC-en stemmer ikke): den er skrevet om',
        `The head file (entry ${damage.headSeq}) was not written by Innsender with this organisation's key ` +
          '(its MAC does not match): it was rewritten',
      );
    case 'head-unreadable':
      return text('Hodefilen (audit.jsonl.head) kan ikke leses', 'The head file (audit.jsonl.head) cannot be read');
    case 'key-missing':
      return text(
        'Revisjonsnøkkelen for denne virksomheten mangler i nøkkelringen i operativsystemet, så oppføringene med ' +
          'MAC kan ikke kontrolleres',
        "This organisation's audit key is missing from the operating system's keychain, so the entries that carry " +
          'a MAC cannot be checked',
      );
    case 'anchor-cut':
      return text(
        `Nøkkelringen sier at oppføring ${damage.since} ble skrevet med denne virksomhetens nøkkel, men loggen ` +
          `${damage.lastSeq === 0 ? 'er tom eller slettet' : `slutter ved oppføring ${damage.lastSeq}`}: ` +
          'oppføringer er fjernet',
        `The keychain says entry ${damage.since} was written with this organisation's key, but the log ` +
          `${damage.lastSeq === 0 ? 'is empty or deleted' : `ends at entry ${damage.lastSeq}`}: entries were removed`,
      );
  }
}

export function damageFinding(damage: AuditDamage, line: number | null): AuditFinding {
  return { line, code: `AUDIT_${damage.kind.toUpperCase().replace(/-/g, '_')}`, reason: describeDamage(damage) };
}

/** A `log-damaged` entry: what the writer found when it opened the log, reported at the entry's line for good. */
export function recordedDamageFinding(damage: AuditDamage, at: string, line: number): AuditFinding {
  const found = describeDamage(damage);
  return {
    line,
    code: 'AUDIT_DAMAGE_RECORDED',
    reason: text(
      `Da loggen ble åpnet ${at}, fant Innsender: ${found.nb}`,
      `When the log was opened at ${at}, Innsender found: ${found.en}`,
    ),
  };
}

/** The checks of one line against the one before it, in verify. */
export const lineFinding = {
  notJson: (line: number): AuditFinding => ({
    line,
    code: 'AUDIT_LINE_NOT_JSON',
    reason: text('Linjen er ikke gyldig JSON', 'The line is not valid JSON'),
  }),
  sequence: (line: number, found: unknown, expected: number): AuditFinding => ({
    line,
    code: 'AUDIT_SEQUENCE',
    reason: text(
      `Løpenummer ${String(found)} der ${expected} var ventet: en oppføring er fjernet, flyttet eller lagt inn`,
      `Sequence ${String(found)} where ${expected} was expected: an entry was removed, moved or inserted`,
    ),
  }),
  link: (line: number): AuditFinding => ({
    line,
    code: 'AUDIT_LINK',
    reason: text(
      'Oppføringen henger ikke sammen med den før (en oppføring er fjernet, flyttet eller endret)',
      'It does not link to the entry before it (an entry was removed, moved or changed)',
    ),
  }),
  hash: (line: number): AuditFinding => ({
    line,
    code: 'AUDIT_HASH',
    reason: text(
      'Innholdet stemmer ikke med hashen: oppføringen er endret',
      'Its content does not match its hash: the entry was changed',
    ),
  }),
  macMissing: (line: number, since: number): AuditFinding => ({
    line,
    code: 'AUDIT_MAC_MISSING',
    reason: text(
      `Oppføringen mangler MAC, men alle oppføringer fra ${since} skal ha en: den er lagt inn eller skrevet om ` +
        'utenfor Innsender',
      `The entry has no MAC, though every entry from ${since} on carries one: it was inserted or rewritten ` +
        'outside Innsender',
    ),
  }),
  macMismatch: (line: number): AuditFinding => ({
    line,
    code: 'AUDIT_MAC_MISMATCH',
    reason: text(
      'MAC-en stemmer ikke med denne virksomhetens nøkkel: oppføringen er lagt inn eller skrevet om utenfor Innsender',
      "Its MAC does not match this organisation's key: the entry was inserted or rewritten outside Innsender",
    ),
  }),
};

export const auditNote = {
  notAnchored: text(
    'Loggen er ikke forankret ennå: den neste oppføringen får en MAC med en nøkkel i nøkkelringen. Til da kan en ' +
      'som kan endre datamappen, skrive loggen om uten at det synes.',
    'The log is not anchored yet: its next entry gets a MAC with a key in the keychain. Until then, someone who ' +
      'can edit the data folder could rewrite it unnoticed.',
  ),
  tornByCrash: (line: number, bytes: number) =>
    text(
      `Etter linje ${line} står ${bytes} byte av en oppføring som et krasj avbrøt. De kuttes og føres i loggen ved ` +
        'neste skriving.',
      `After line ${line} there are ${bytes} bytes of an entry a crash cut short. They are cut off, and that is ` +
        'recorded, at the next write.',
    ),
  unterminated: (line: number) =>
    text(
      `Linje ${line} mangler linjeskift på slutten. Det legges til, og føres i loggen, ved neste skriving.`,
      `Line ${line} has no line end. It is added, and that is recorded, at the next write.`,
    ),
};
