import { AppError } from '../../shared/domain/app-error';
import { text } from '../../shared/domain/localized';

/**
 * The database could not be read. The damaged file is kept (moved aside, never deleted) and the app stops here
 * rather than start with an empty outbox: an empty one would forget what was sent and send again.
 */
export function storeCorruptError(file: string, keptAs: string, cause: string): AppError {
  return new AppError(
    'STORE_CORRUPT',
    text(
      `Databasen til Innsender (${file}) er skadet og kan ikke leses. Den er lagt til side som ${keptAs}, ` +
        'og ingenting er slettet. Legg tilbake en sikkerhetskopi som ' +
        `${file}, eller start Innsender på nytt for å begynne med en tom database (den skadede filen blir liggende).`,
      `Innsender's database (${file}) is damaged and cannot be read. It has been set aside as ${keptAs}, and ` +
        `nothing was deleted. Put a backup back as ${file}, or start Innsender again to begin with an empty ` +
        'database (the damaged file stays where it is).',
    ),
    [cause],
  );
}

/** A database written by a newer Innsender: this build does not know its schema and must not write to it. */
export function storeTooNewError(file: string, found: number, known: number): AppError {
  return new AppError(
    'STORE_TOO_NEW',
    text(
      `Databasen ${file} er laget av en nyere versjon av Innsender (skjema ${found}, denne versjonen kjenner ${known}). ` +
        'Oppdater Innsender.',
      `The database ${file} was made by a newer version of Innsender (schema ${found}, this version knows ${known}). ` +
        'Update Innsender.',
    ),
  );
}
