import { isAppError } from '../../shared/domain/app-error';
import type { Language } from '../../shared/domain/localized';
import { formatDateTime } from '../../shared/format';
import {
  feedbackTransmissions,
  type FeedbackDialog,
  type FeedbackTransmission,
} from '../../shared/feedback/feedback-dialog';
import type { FeedbackView } from '../../shared/feedback/feedback-view';
import { linkDialogs, type DialogLink, type KnownSubmission } from '../../shared/feedback/matching';
import type { FeedbackService } from './feedback-service';

export interface FeedbackCommandInput {
  service: Pick<FeedbackService, 'syncOnce' | 'dialogs' | 'documents'>;
  /** `--since <ISO date>`: also list feedback already seen that arrived after this. */
  since?: Date;
  /** The outbox's submissions, to say which report each feedback answers. */
  submissions?: readonly KnownSubmission[];
  json?: boolean;
  language?: Language;
  write: (line: string) => void;
}

export interface FeedbackCommandItem {
  dialog: FeedbackDialog;
  link: DialogLink;
  transmission: FeedbackTransmission;
  isNew: boolean;
  views: FeedbackView[];
}

/**
 * `innsender feedback [--since …] [--json]`: one sync, then what is new (and, with --since, what came since),
 * each with its plain-language reading. Exit code 0 ok, 3 when Dialogporten or Skatteetaten failed.
 * JSON: `{"ok":true,"value":{"items":[FeedbackCommandItem…]}}` or `{"ok":false,"error":{code,message,details}}`.
 */
export async function runFeedbackCommand(input: FeedbackCommandInput): Promise<number> {
  const lang = input.language ?? 'nb';
  const say = (nb: string, en: string) => (lang === 'nb' ? nb : en);
  try {
    const outcome = await input.service.syncOnce();
    const newIds = new Set(outcome.changes.flatMap((c) => c.newFeedback.map((t) => t.id)));
    const dialogs = await input.service.dialogs();
    const links = new Map(linkDialogs(dialogs, input.submissions ?? []).map((l) => [l.dialogId, l]));
    const items: FeedbackCommandItem[] = [];
    for (const dialog of dialogs) {
      for (const transmission of feedbackTransmissions(dialog)) {
        const isNew = newIds.has(transmission.id);
        const recent = input.since !== undefined && Date.parse(transmission.createdAt) >= input.since.getTime();
        if (!isNew && !recent) continue;
        const views: FeedbackView[] = [];
        for (const doc of await input.service.documents.list(transmission.id)) {
          const view = await input.service.documents.view(transmission.id, doc.attachmentId);
          if (view) views.push(view);
        }
        const link = links.get(dialog.id) ?? { dialogId: dialog.id, kind: 'made-elsewhere' as const };
        items.push({ dialog, link, transmission, isNew, views });
      }
    }
    items.sort((a, b) => Date.parse(a.transmission.createdAt) - Date.parse(b.transmission.createdAt));

    if (input.json) {
      input.write(JSON.stringify({ ok: true, value: { items } }));
      return 0;
    }
    if (items.length === 0) {
      input.write(say('Ingen ny tilbakemelding.', 'No new feedback.'));
      return 0;
    }
    for (const item of items) {
      const where =
        item.link.kind === 'linked'
          ? say(`innsending ${item.link.submissionId}`, `submission ${item.link.submissionId}`)
          : say('sendt inn utenfor Innsender', 'made outside Innsender');
      input.write(
        `${item.isNew ? '* ' : '  '}${formatDateTime(item.transmission.createdAt, lang)}  ${item.dialog.title ?? item.dialog.serviceResource}  (${where})`,
      );
      input.write(`    ${item.transmission.title ?? item.transmission.type}`);
      for (const view of item.views) {
        input.write(`    ${view.headline[lang]}`);
        if (view.kind === 'unknown') continue;
        for (const group of view.deviationGroups) {
          input.write(`      ${group.label[lang]}: ${group.deviations.length}`);
          for (const d of group.deviations.slice(0, 20)) {
            const who = [d.where.personName, d.where.employeeNumber, d.where.employmentId].filter(Boolean).join(', ');
            input.write(`        ${d.code ?? '?'} ${d.text ?? ''}${who ? ` (${who})` : ''}`);
          }
        }
      }
    }
    return 0;
  } catch (error) {
    const shape = isAppError(error)
      ? error.toShape()
      : { code: 'FEEDBACK_FAILED', message: { nb: 'Uventet feil.', en: 'Unexpected error.' } };
    if (input.json) input.write(JSON.stringify({ ok: false, error: shape }));
    else {
      input.write(`${shape.code}: ${shape.message[lang]}`);
      for (const detail of isAppError(error) ? (error.details ?? []) : [(error as Error).message])
        input.write(`  ${detail}`);
    }
    return 3;
  }
}
