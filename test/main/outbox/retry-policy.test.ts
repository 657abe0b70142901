import { describe, expect, it } from 'vitest';
import { classifyFailure } from '../../../main/outbox/retry-policy';

// A failure the outbox has no name for (a bug, a library's own error) still reaches Utboks, in the page's language:
// the library's English words ("Cannot read properties of undefined …") are for support, under technical details.
describe('a failure the outbox has no name for', () => {
  it('waits for the user with a message in both languages; the raw words go to the details', () => {
    const verdict = classifyFailure(new TypeError("Cannot read properties of undefined (reading 'dialogId')"));
    expect(verdict.outcome).toBe('needs-action');
    expect(verdict.error.code).toBe('OUTBOX_UNEXPECTED');
    expect(verdict.error.message.nb).toBe(
      'Innsender fikk en uventet feil under innsendingen. Velg «Prøv igjen nå»; gjentar det seg, send loggen til brukerstøtte.',
    );
    expect(verdict.error.message.en).toBe(
      'Innsender had an unexpected error while submitting. Choose “Try again now”; if it happens again, send the log to support.',
    );
    expect(verdict.error.details).toEqual(["TypeError: Cannot read properties of undefined (reading 'dialogId')"]);
  });
});
