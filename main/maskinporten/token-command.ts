import { isAppError } from '../../shared/domain/app-error';
import type { Language } from '../../shared/domain/localized';
import type { MaskinportenTokens } from './maskinporten-tokens';
import { summariseTokenClaims } from './token-claims';

export interface TokenCommandInput {
  tokens: Pick<MaskinportenTokens, 'tokenForScopes'>;
  scopes: readonly string[];
  /** The systembruker's org; absent asks for a plain token (only the Altinn setup scopes work without one). */
  systemUser?: { orgNumber: string; externalRef?: string };
  /** `--print-token`: the only way the token itself is ever written out. */
  printToken?: boolean;
  language?: Language;
  write: (line: string) => void;
}

/**
 * `innsender token --check [--scopes …] [--print-token]`: fetches a token and prints what it is good for and
 * until when. Returns the process exit code (0 ok, 1 a typed error, 2 an unexpected failure).
 */
export async function runTokenCommand(input: TokenCommandInput): Promise<number> {
  const lang = input.language ?? 'nb';
  const label = (nb: string, en: string) => (lang === 'nb' ? nb : en);
  try {
    const token = await input.tokens.tokenForScopes({
      scopes: input.scopes,
      ...(input.systemUser ? { systemUser: input.systemUser } : {}),
    });
    const claims = summariseTokenClaims(token.value);
    input.write(label('Token hentet fra Maskinporten.', 'Token received from Maskinporten.'));
    input.write(`${label('Utløper', 'Expires')}: ${token.expiresAt.toISOString()}`);
    input.write(`${label('Scopes', 'Scopes')}: ${token.scopes.join(' ') || input.scopes.join(' ')}`);
    input.write(`${label('Nøkkel', 'Key')} (kid): ${token.kid}`);
    if (claims?.clientId) input.write(`${label('Klient', 'Client')}: ${claims.clientId}`);
    if (claims?.consumerOrg)
      input.write(`${label('Organisasjon (consumer)', 'Organisation (consumer)')}: ${claims.consumerOrg}`);
    if (claims?.systemUser) {
      const su = claims.systemUser;
      input.write(
        `${label('Systembruker', 'System user')}: ${su.systemUserIds.join(', ') || '?'} (${label('org', 'org')} ${su.orgNumber ?? '?'}, ${label('system', 'system')} ${su.systemId ?? '?'})`,
      );
    }
    if (input.printToken) input.write(token.value);
    return 0;
  } catch (error) {
    if (isAppError(error)) {
      input.write(`${error.code}: ${error.localized[lang]}`);
      for (const detail of error.details ?? []) input.write(`  ${detail}`);
      return 1;
    }
    input.write(`${label('Uventet feil', 'Unexpected error')}: ${(error as Error).message}`);
    return 2;
  }
}
