import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Per-form CSRF tokens for the sandbox's own HTML forms (Altinn's approval page): the page embeds
 * `issue(formId)` in a hidden field, the post must bring it back. Signed with a key made when the sandbox starts
 * and kept only in memory, so no other site can know one; a page opened before a restart asks to be opened again.
 */
export class FormTokens {
  private readonly key = randomBytes(32);

  issue(formId: string): string {
    return createHmac('sha256', this.key).update(formId).digest('base64url');
  }

  verify(formId: string, token: string | null): boolean {
    if (!token) return false;
    const expected = Buffer.from(this.issue(formId));
    const given = Buffer.from(token);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
