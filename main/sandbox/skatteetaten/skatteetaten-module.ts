import type { EmulatorModule } from '../host';
import type { SandboxTokenAuthority } from '../maskinporten/token-authority';
import { aksjonaerregisterRoutes } from './aksjonaerregister-routes';
import { aMeldingRoutes, type AMeldingEmulatorOptions } from './amelding-routes';
import { avstemmingRoutes } from './avstemming-routes';
import { replayAnswersFor } from './skatteetaten-answers';
import { tredjepartRoutes } from './tredjepart-routes';
import { skattekortRoutes } from './skattekort-routes';

export type SkatteetatenEmulatorOptions = Partial<AMeldingEmulatorOptions> & {
  /** How long a stored answer is replayed for a repeated idempotency key; after it, 409 `_019` (skatteetaten-answers.ts). */
  answerReplayMs?: number;
  /** How long before a skattekort answer can be ready (it is never ready on the first ask). */
  skattekortAnswerDelayMs?: number;
};

/**
 * The sandbox Skatteetaten: the a-melding and RF-1086 APIs below `/skatteetaten/…` (the environments table's
 * sandbox bases), with bearer tokens checked against the sandbox Maskinporten, payloads checked with the
 * project's own rules, idempotency keys honoured, and the dialogs Skatteetaten creates in Dialogporten.
 */
export function skatteetatenModule(
  authority: SandboxTokenAuthority,
  options: SkatteetatenEmulatorOptions = {},
): EmulatorModule {
  const settings: AMeldingEmulatorOptions = {
    directLimitBytes: options.directLimitBytes ?? 10 * 1024 * 1024,
    uploadValidationMs: options.uploadValidationMs ?? 300,
    // An unsent upload's lifetime is not published (UNCONFIRMED): a day here.
    uploadExpiryMs: options.uploadExpiryMs ?? 24 * 60 * 60_000,
    feedbackDelayMs: options.feedbackDelayMs ?? 3000,
  };
  return {
    name: 'skatteetaten',
    routes(ctx) {
      if (options.answerReplayMs !== undefined) replayAnswersFor(ctx, options.answerReplayMs);
      // The feedback transmissions are scheduled in the sandbox Dialogporten's store, which releases them
      // lazily before each read: time alone brings them, with no timer.
      return [
        ...aMeldingRoutes(ctx, authority, settings),
        ...avstemmingRoutes(ctx, authority),
        ...aksjonaerregisterRoutes(ctx, authority, settings),
        ...tredjepartRoutes(ctx, authority, settings),
        ...skattekortRoutes(ctx, authority, {
          feedbackDelayMs: settings.feedbackDelayMs,
          skattekortAnswerDelayMs: options.skattekortAnswerDelayMs ?? 0,
        }),
      ];
    },
  };
}
