import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/domain/app-error';
import {
  MAX_ROUTED_FILES,
  type RouteTarget,
  type RoutedReports,
  type RoutedTredjepart,
} from '../../shared/reports/report-routing';
import { schemeCandidates } from '../../shared/tredjepart/scheme-of-melding';
import type { SchemeId } from '../../shared/tredjepart/schemes';
import type { TredjepartCheck } from '../../shared/tredjepart/tredjepart-views';
import type { FileInput, RoutedTredjepartFor } from '../tredjepart/tredjepart-service';

/** The tredjepart check routing uses: a file checked for a scheme with a target's rules (tredjepart-service.ts). */
export interface RoutedTredjepartChecker {
  checkRouted(input: FileInput, target: RoutedTredjepartFor): Promise<TredjepartCheck>;
}

export interface RoutedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly origin: 'path' | 'dropped';
}

interface HeldFile extends RoutedFile {
  readonly target: RouteTarget;
  readonly candidates: readonly SchemeId[];
}

/**
 * Routed tredjepart files: each checked at once when its fields fit one scheme, otherwise held (bounded by
 * MAX_ROUTED_FILES) until the user chooses among the schemes it fits, then checked with its target's rules.
 */
export function createRoutedTredjepart(checker: RoutedTredjepartChecker | undefined) {
  const held = new Map<string, HeldFile>();

  const checkHeld = (file: HeldFile, scheme: SchemeId) => {
    if (!checker) throw notCheckable();
    const input = { scheme, name: file.name, bytes: file.bytes, origin: file.origin };
    return checker.checkRouted(input, { profileId: file.target.profileId, orgNumber: file.target.orgNumber });
  };

  return {
    /** The target's tredjepart files, those that fit one scheme checked. */
    async entries(files: readonly RoutedFile[], target: RouteTarget): Promise<RoutedTredjepart[]> {
      const entries: RoutedTredjepart[] = [];
      for (const file of files) {
        const candidates = schemeCandidates(parsed(file.bytes));
        const fileId = randomUUID().replace(/-/g, '');
        const entry = { ...file, target, candidates };
        held.set(fileId, entry);
        for (const old of held.keys()) {
          if (held.size <= MAX_ROUTED_FILES) break;
          held.delete(old);
        }
        const only = candidates.length === 1 ? candidates[0] : undefined;
        const check = only && checker ? await checkHeld(entry, only) : null;
        entries.push({ fileId, name: file.name, candidates, check });
      }
      return entries;
    },

    /** The file checked for the scheme the user chose, which must be one its fields fit. */
    async check(fileId: string, scheme: SchemeId): Promise<TredjepartCheck> {
      const file = held.get(fileId);
      if (!file) {
        throw new AppError('ROUTED_FILE_EXPIRED', {
          nb: 'Filen er ikke lenger i minnet (appen er startet på nytt, eller mange filer er lagt til siden). Legg den til på nytt.',
          en: 'The file is no longer held (the app restarted, or many files were added since). Add it again.',
        });
      }
      if (!file.candidates.includes(scheme)) {
        throw new AppError('ROUTED_SCHEME_NOT_CANDIDATE', {
          nb: `Filens felt passer ikke ordningen ${scheme}. Velg en av ordningene i listen.`,
          en: `The file's fields do not fit the scheme ${scheme}. Choose one of the schemes in the list.`,
        });
      }
      return checkHeld(file, scheme);
    },
  };
}

export type RoutedTredjepartFiles = ReturnType<typeof createRoutedTredjepart>;

/**
 * The routing with `scheme` chosen for each tredjepart file left for the user to choose (its fields fit several
 * schemes) that it is one of, checked through `check` as the Reports page's choice is (`checkRoutedTredjepart`);
 * `innsender validate --route --scheme`. A file whose candidates do not include it stays unchecked.
 */
export async function withSchemeChosen(
  routed: RoutedReports,
  scheme: SchemeId,
  check: (fileId: string, scheme: SchemeId) => Promise<TredjepartCheck>,
): Promise<RoutedReports> {
  const groups = [];
  for (const group of routed.groups) {
    const tredjepart = [];
    for (const file of group.tredjepart) {
      const chosen = !file.check && file.candidates.includes(scheme);
      tredjepart.push(chosen ? { ...file, check: await check(file.fileId, scheme) } : file);
    }
    groups.push({ ...group, tredjepart });
  }
  return { ...routed, groups };
}

/** Routing read the file as JSON already (identify-report.ts); a file that no longer parses fits any scheme. */
function parsed(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
}

function notCheckable(): AppError {
  return new AppError('ROUTED_TREDJEPART_UNAVAILABLE', {
    nb: 'Tredjepartsfiler kan ikke kontrolleres her. Bruk siden Tredjepart.',
    en: 'Tredjepart files cannot be checked here. Use the Tredjepart page.',
  });
}
