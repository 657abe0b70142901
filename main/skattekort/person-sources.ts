import { basename } from 'node:path';
import { AppError } from '../../shared/domain/app-error';
import { text } from '../../shared/domain/localized';
import type { Profile } from '../../shared/domain/profile';
import { readReportDocument } from '../../shared/reports/read-report-document';
import { personsFromCsv } from '../../shared/skattekort/person-csv';
import { checkPersons, personList, personsFromAMelding, type PersonList } from '../../shared/skattekort/persons';
import { describeFileReadFailure, readRegularFile } from '../disk/read-regular-file';
import type { DraftStore } from '../reports/draft-store';
import { reportEnvironmentFor } from '../reports/reports-service';

const MAX_CSV_BYTES = 5 * 1024 * 1024;

/**
 * The employees of an a-melding draft (the latest one when none is named): its income recipients' ids, checked
 * with the profile's environment rules and de-duplicated.
 */
export async function personsFromDraft(drafts: DraftStore, profile: Profile, draftId?: string): Promise<PersonList> {
  const id = draftId ?? (await latestAMeldingDraft(drafts, profile));
  const draft = await drafts.get(profile.id, id);
  const file = draft?.kind === 'amelding' ? draft.files[0] : undefined;
  if (!draft || !file) {
    throw new AppError(
      'SKATTEKORT_DRAFT_NOT_FOUND',
      text('Fant ikke et a-meldingsutkast med den ID-en.', 'No a-melding draft with that id was found.'),
      [id],
    );
  }
  const doc = readReportDocument(Buffer.from(file.contentBase64, 'base64').toString('utf8'), file.sourcePath);
  if (doc.kind !== 'amelding') {
    throw new AppError(
      'SKATTEKORT_DRAFT_UNREADABLE',
      text('Utkastet kunne ikke leses.', 'The draft could not be read.'),
    );
  }
  const leveranse = doc.document.leveranse;
  return personList(
    {
      kind: 'amelding',
      draftId: draft.id,
      label: `A-melding ${leveranse.kalendermaaned} (${leveranse.meldingsId})`,
      kalendermaaned: leveranse.kalendermaaned,
    },
    checkPersons(personsFromAMelding(leveranse), reportEnvironmentFor(profile)),
  );
}

async function latestAMeldingDraft(drafts: DraftStore, profile: Profile): Promise<string> {
  const latest = (await drafts.list(profile.id))
    .filter((d) => d.kind === 'amelding')
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0];
  if (!latest) {
    throw new AppError(
      'SKATTEKORT_NO_AMELDING_DRAFT',
      text(
        'Denne virksomheten har ingen a-melding lagret som utkast. Kontroller og lagre en a-melding under Rapporter, eller velg en CSV-fil.',
        'This organisation has no a-melding saved as a draft. Check and save one under Reports, or choose a CSV file.',
      ),
    );
  }
  return latest.id;
}

/** The employees listed in a CSV file (see `personsFromCsv` for what is accepted). */
export async function personsFromCsvFile(path: string, profile: Profile): Promise<PersonList> {
  const read = await readRegularFile(path, MAX_CSV_BYTES);
  if (!read.ok) {
    throw new AppError(
      read.failure.reason === 'too-large' ? 'SKATTEKORT_CSV_TOO_LARGE' : 'SKATTEKORT_CSV_UNREADABLE',
      describeFileReadFailure(read.failure, basename(path)),
    );
  }
  const bytes = read.bytes;
  return personList(
    { kind: 'csv', fileName: basename(path) },
    checkPersons(personsFromCsv(bytes.toString('utf8')), reportEnvironmentFor(profile)),
  );
}
