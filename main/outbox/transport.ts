import type { AMeldingClient } from '../skatteetaten/amelding-client';
import type { AksjonaerregisterClient } from '../skatteetaten/aksjonaerregister-client';
import type { SkattekortClient } from '../skatteetaten/skattekort-client';
import type { TredjepartClient, TredjepartReceipt } from '../skatteetaten/tredjepart-client';
import type { UploadHooks } from '../skatteetaten/file-upload';
import { TREDJEPART_DIRECT_LIMIT_BYTES, type TpoFileReceptionClient } from '../skatteetaten/tpo-file-reception-client';
import { meldingAsXml } from '../../shared/tredjepart/file-reception-xml';
import { schemeById } from '../../shared/tredjepart/schemes';
import { isKeyAlreadyUsed, notFoundYet, type ReceivedLookup } from './received-lookup';
import type { Submission, SubmissionCheckpoint, SubmissionPayload, SubmissionReceipt } from './submission';

export interface SendContext {
  /** Persists how far a multi-step submission got; resolves once it is on disk. */
  saveCheckpoint(checkpoint: SubmissionCheckpoint): Promise<void>;
  progress(done: number, total: number, phase: string): void;
}

/** How the outbox reaches the service; the Skatteetaten clients in the app, a fake in state-machine tests. */
export interface SubmissionTransport {
  send(submission: Submission, payload: SubmissionPayload, context: SendContext): Promise<SubmissionReceipt>;
}

/**
 * Sends with the submission's own idempotency key, resuming from its checkpoint: an a-melding over the direct
 * limit goes through the upload API (the upload id is saved before it is polled), an RF-1086 return from the
 * step where it stopped.
 */
export function skatteetatenTransport(clients: {
  amelding: AMeldingClient;
  aksjonaerregister: AksjonaerregisterClient;
  skattekort?: SkattekortClient;
  tredjepart?: TredjepartClient;
  tpoFileReception?: TpoFileReceptionClient;
  /** Where a report Skatteetaten answers 409 "key already used" for is found (received-lookup.ts). */
  receivedLookup?: ReceivedLookup;
}): SubmissionTransport {
  const sendOnce = sendWith(clients);
  return {
    async send(submission, payload, context) {
      try {
        return await sendOnce(submission, payload, context);
      } catch (error) {
        // The submission's key was used before: an earlier attempt arrived. Its receipt is looked up, never sent
        // again under a new key, and never shown as a rejection.
        if (!isKeyAlreadyUsed(error) || !clients.receivedLookup) throw error;
        const found = await clients.receivedLookup(submission.target);
        if (!found) throw notFoundYet(error);
        return found;
      }
    },
  };
}

function sendWith(clients: Parameters<typeof skatteetatenTransport>[0]) {
  return async (
    submission: Submission,
    payload: SubmissionPayload,
    context: SendContext,
  ): Promise<SubmissionReceipt> => {
    if (payload.service === 'a-melding' && submission.target.service === 'a-melding') {
      const request = {
        kalendermaaned: submission.target.kalendermaaned,
        opplysningspliktig: submission.target.opplysningspliktig,
        body: payload.body,
        idempotencyKey: submission.idempotencyKey,
      };
      if (!submission.checkpoint.uploadId && !clients.amelding.needsUpload(payload.body)) {
        return clients.amelding.submit(request);
      }
      const receipt = await clients.amelding.submitLarge(request, uploadHooks(submission, context));
      context.progress(3, 3, 'done');
      return receipt;
    }
    if (payload.service === 'aksjonaerregisteroppgave') {
      const receipt = await clients.aksjonaerregister.submitReturn(payload, {
        idempotencyKey: submission.idempotencyKey,
        progress: {
          underskjemaSent: submission.checkpoint.underskjemaSent ?? 0,
          ...(submission.checkpoint.hovedskjemaId ? { hovedskjemaId: submission.checkpoint.hovedskjemaId } : {}),
        },
        saveProgress: (p) =>
          context.saveCheckpoint({
            ...submission.checkpoint,
            underskjemaSent: p.underskjemaSent,
            ...(p.hovedskjemaId ? { hovedskjemaId: p.hovedskjemaId } : {}),
          }),
        onProgress: (done, total) => context.progress(done, total, 'forms'),
      });
      return receipt;
    }
    if (payload.service === 'skattekort-til-arbeidsgiver' && clients.skattekort) {
      // One call; the answer is fetched afterwards by the reference (main/skattekort/answer-poller.ts).
      const receipt = await clients.skattekort.order(payload.body, submission.idempotencyKey);
      return { dialogId: receipt.dialogreferanse, bestillingsreferanse: receipt.bestillingsreferanse };
    }
    if (payload.service === 'tredjepart' && clients.tpoFileReception && goesThroughFileReception(submission, payload)) {
      // Over the JSON API's 10 MB: the same melding as XML through the file reception, resumed from the upload
      // a crashed attempt saved (and uploaded again if Skatteetaten no longer has it).
      const receipt = await clients.tpoFileReception.submitFile(
        { xml: meldingAsXml(payload.body, payload.scheme), idempotencyKey: submission.idempotencyKey },
        uploadHooks(submission, context),
      );
      context.progress(3, 3, 'done');
      return tredjepartReceipt(receipt);
    }
    if (payload.service === 'tredjepart' && clients.tredjepart) {
      // One POST with the submission's key; a repeat after a crash is answered with the same receipt (§0.3).
      const receipt = await clients.tredjepart.submit({
        scheme: payload.scheme,
        inntektsaar: payload.inntektsaar,
        body: payload.body,
        idempotencyKey: submission.idempotencyKey,
      });
      return tredjepartReceipt(receipt);
    }
    throw new Error(`Payload ${payload.service} does not match target ${submission.target.service}`);
  };
}

/**
 * The upload flow's hooks (file-upload.ts): progress in three steps (upload, validation, submit), and the upload id
 * saved before it is polled, so a restart resumes the upload instead of making a second one.
 */
function uploadHooks(submission: Submission, context: SendContext): UploadHooks {
  context.progress(0, 3, 'upload');
  return {
    ...(submission.checkpoint.uploadId ? { uploadId: submission.checkpoint.uploadId } : {}),
    onUploaded: async (uploadId) => {
      await context.saveCheckpoint({ ...submission.checkpoint, uploadId });
      context.progress(1, 3, 'validation');
    },
    onStatus: (status) => {
      if (status.status === 'KLAR_TIL_INNSENDING') context.progress(2, 3, 'submit');
    },
  };
}

/** A scheme the file reception takes, with a melding over the JSON API's limit or an upload already made. */
function goesThroughFileReception(
  submission: Submission,
  payload: Extract<SubmissionPayload, { service: 'tredjepart' }>,
): boolean {
  if (!schemeById(payload.scheme).fileReception) return false;
  return (
    submission.checkpoint.uploadId !== undefined ||
    new TextEncoder().encode(payload.body).byteLength > TREDJEPART_DIRECT_LIMIT_BYTES
  );
}

function tredjepartReceipt(receipt: TredjepartReceipt): SubmissionReceipt {
  return {
    dialogId: receipt.dialogId,
    forsendelseId: receipt.forsendelseId,
    ...(receipt.oppgavegiversLeveranseReferanse
      ? { oppgavegiversLeveranseReferanse: receipt.oppgavegiversLeveranseReferanse }
      : {}),
  };
}
