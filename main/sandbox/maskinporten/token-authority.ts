import { randomBytes } from 'node:crypto';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  type JWK,
  type JWTPayload,
} from 'jose';

interface AuthorityKey {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  kid: string;
}

/**
 * The sandbox Maskinporten's own signing key. The emulated Altinn, Skatteetaten and Dialogporten verify bearer
 * tokens with it, as the real APIs do with Maskinporten's published JWKS. It lives in memory only: tokens last
 * two minutes, and a restarted sandbox simply issues new ones.
 */
export class SandboxTokenAuthority {
  private key: Promise<AuthorityKey> | undefined;

  private getKey(): Promise<AuthorityKey> {
    this.key ??= (async () => {
      const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
      const kid = await calculateJwkThumbprint(await exportJWK(publicKey));
      return { privateKey, publicKey, kid };
    })();
    return this.key;
  }

  async issue(claims: JWTPayload, issuer: string, now: Date, lifetimeSeconds: number): Promise<string> {
    const { privateKey, kid } = await this.getKey();
    const iat = Math.floor(now.getTime() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'at+jwt' })
      .setIssuer(issuer)
      .setIssuedAt(iat)
      .setExpirationTime(iat + lifetimeSeconds)
      .setJti(randomBytes(32).toString('base64url'))
      .sign(privateKey);
  }

  /** The token's claims when this authority issued it and it has not expired at `now`; otherwise null. */
  async verify(token: string, issuer: string, now: Date): Promise<JWTPayload | null> {
    const { publicKey } = await this.getKey();
    try {
      const { payload } = await jwtVerify(token, publicKey, { issuer, currentDate: now, algorithms: ['RS256'] });
      return payload;
    } catch {
      return null;
    }
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    const { publicKey, kid } = await this.getKey();
    return { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] };
  }
}
