import type { Draft } from '../../shared/reports/draft';
import { writeAMeldingJson } from '../../shared/reports/amelding/to-json';
import { readReportDocument } from '../../shared/reports/read-report-document';
import { shareClassOf } from '../../shared/reports/rf1086/returns';
import { draftInvalidError } from './duplicate-guard';
import { outboxError, type EnqueueInput } from './outbox';

/** What the outbox sends for an error-free draft; a draft with errors is refused with its findings. */
export function submissionFromDraft(draft: Draft): EnqueueInput {
  if (!draft.result.valid) throw draftInvalidError(draft.result.findings);
  return readDraftSubmission(draft);
}

/**
 * What a draft would send, whatever its findings (the duplicate guard asks this of a draft with errors too): the
 * exact bytes that were checked (an a-melding read from XML is sent as the JSON the REST API takes, written from
 * the same model), with the target read from them.
 */
export function readDraftSubmission(draft: Draft): EnqueueInput {
  const texts = draft.files.map((f) => ({
    name: f.sourcePath,
    text: Buffer.from(f.contentBase64, 'base64').toString('utf8'),
  }));
  if (draft.kind === 'amelding') {
    const file = texts[0];
    const doc = file ? readReportDocument(file.text, file.name) : undefined;
    if (!file || doc?.kind !== 'amelding') throw unreadable();
    const leveranse = doc.document.leveranse;
    const body = doc.document.format === 'json' ? file.text : writeAMeldingJson(leveranse);
    return {
      draftId: draft.id,
      label: `A-melding ${leveranse.kalendermaaned} (${leveranse.meldingsId})`,
      target: {
        service: 'a-melding',
        kalendermaaned: leveranse.kalendermaaned,
        opplysningspliktig: leveranse.opplysningspliktig.norskIdentifikator,
        meldingsId: leveranse.meldingsId,
        ...(leveranse.erstatterMeldingsId ? { erstatterMeldingsId: leveranse.erstatterMeldingsId } : {}),
      },
      payload: { service: 'a-melding', body },
    };
  }
  const forms = texts.map((t) => ({ ...t, doc: readReportDocument(t.text, t.name) }));
  const mains = forms.filter((f) => f.doc.kind === 'rf1086' && f.doc.form.form === 'hovedskjema');
  const shareholders = forms.filter((f) => f.doc.kind === 'rf1086' && f.doc.form.form === 'underskjema');
  if (mains.length !== 1 || mains.length + shareholders.length !== forms.length) {
    throw outboxError(
      'OUTBOX_RF1086_ONE_RETURN',
      'Et utkast må ha nøyaktig ett hovedskjema (én aksjeklasse) for å sendes inn. Lag ett utkast per aksjeklasse.',
      'A draft must have exactly one main form (one share class) to be submitted. Make one draft per share class.',
    );
  }
  const main = mains[0] as (typeof forms)[number];
  const form = main.doc.kind === 'rf1086' ? main.doc.form : undefined;
  const inntektsaar = form?.inntektsaar?.value ?? '';
  const oppgavegiver = form?.organisasjonsnummer?.value ?? '';
  const aksjeklasse = shareClassOf(form ?? {});
  return {
    draftId: draft.id,
    label: `Aksjonærregisteroppgave ${inntektsaar} (${oppgavegiver})`,
    target: {
      service: 'aksjonaerregisteroppgave',
      inntektsaar,
      oppgavegiver,
      underskjemaer: shareholders.length,
      aksjeklasse,
    },
    payload: {
      service: 'aksjonaerregisteroppgave',
      inntektsaar,
      hovedskjema: main.text,
      underskjemaer: shareholders.map((s) => s.text),
    },
  };
}

function unreadable() {
  return outboxError('OUTBOX_DRAFT_UNREADABLE', 'Utkastet kunne ikke leses.', 'The draft could not be read.');
}
