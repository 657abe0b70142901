import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { RegisterFacts } from '../../shared/domain/register-facts';
import { checkAMeldingRules } from '../../shared/reports/amelding/check-rules';
import type { KnownAMelding } from '../../shared/reports/amelding/rules/rule-context';
import { summariseAMelding } from '../../shared/reports/amelding/summary';
import type {
  AMeldingCheckResult,
  CheckResult,
  ReportFileInfo,
  Rf1086CheckResult,
} from '../../shared/reports/check-result';
import type { ReportEnvironment } from '../../shared/reports/environment';
import { hasErrors, warning, type Finding } from '../../shared/reports/finding';
import { readReportDocument, xmlReportReader, type ReportDocument } from '../../shared/reports/read-report-document';
import { checkRf1086Rules } from '../../shared/reports/rf1086/check-rules';
import type { Rf1086Hovedskjema, Rf1086Underskjema } from '../../shared/reports/rf1086/model';
import { groupRf1086Forms, type Rf1086Set } from '../../shared/reports/rf1086/returns';
import { summariseRf1086 } from '../../shared/reports/rf1086/summary';
import { locateFindings } from '../../shared/reports/source-locations';
import { withPlaces } from '../../shared/reports/amelding/finding-place';
import { DEFAULT_MAX_REPORT_BYTES } from '../../shared/reports/xml/decode-report-bytes';
import { rf1086XsdFor, type XsdUsed } from '../../shared/reports/xsd-versions';
import { schemaFromHead, XSD_FOR_VERSION } from './schema-from-head';
import { mendLibxml2Findings } from './libxml2-findings';
import {
  READ_AGAIN_FROM_BYTES,
  readReportBytes,
  readReportFileAgain,
  readReportFilesBytesSync,
  type ReportFile,
} from './read-report-file';
import { startXsdCheck, XSD_RUN_LIMITS, type XsdDocument } from './xsd-validate';

export interface CheckReportOptions {
  readonly environment: ReportEnvironment;
  readonly profileOrg?: string;
  /** A firm's clients: the orgs its reports may be for. */
  readonly clientOrgs?: readonly string[];
  /** 'YYYY-MM-DD'; defaults to the local date. */
  readonly today?: string;
  readonly knownMessages?: readonly KnownAMelding[];
  /** Enhetsregisteret's cached answers for the register rules; read before the check, never fetched during it. */
  readonly register?: RegisterFacts;
  readonly maxBytes?: number;
  readonly schemaDir?: string;
  readonly now?: () => Date;
}

/** Input size from which the XSD runs before the parse instead of beside it (see checkReportFiles). */
export const SEQUENTIAL_FROM_BYTES = 32 * 1024 * 1024;

/**
 * A file once its bytes are with the XSD worker and its text is decoded. The text itself is kept apart (the
 * check's `textOf`), so it can go once the XSD runs are done: the rules need only the model, and findings are
 * located from the places the parse recorded.
 */
type CheckedFile = Omit<ReportFile, 'bytes' | 'text'>;
/** A parsed file, with its place among the inputs (results keep the inputs' order). */
type Read = { index: number; file: CheckedFile; doc: ReportDocument };
type AMeldingRead = Read & { doc: Extract<ReportDocument, { kind: 'amelding' }> };
type Rf1086Read = Read & { doc: Extract<ReportDocument, { kind: 'rf1086' }> };

/** A file on disk by its path, or bytes already in memory (a dropped file) by the name to show for them. */
export type ReportInput = string | { readonly name: string; readonly bytes: Uint8Array };

/**
 * Checks report files selected together (paths, or bytes with a name): each a-melding gives one result; all
 * RF-1086 forms together give one result (a main form and its shareholder forms are one return); a file that
 * cannot be read gives an `unreadable` result. Structure is checked against the XSD, then the offline rules run on the model.
 */
export async function checkReportFiles(
  inputs: readonly ReportInput[],
  options: CheckReportOptions,
): Promise<CheckResult[]> {
  const now = options.now?.() ?? new Date();
  const checkedAt = now.toISOString();
  const today = options.today ?? localDate(now);
  const results: CheckResult[] = [];
  const aMeldinger: AMeldingRead[] = [];
  const rf1086: Rf1086Read[] = [];

  const limits = options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes };
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_REPORT_BYTES;
  // Unreadable files are reported in the order given, whether reading or parsing found them out.
  const unreadableAt: (CheckResult | undefined)[] = [];
  const loaded = await loadInputs(inputs, limits, checkedAt, unreadableAt);

  // The XSD runs in a worker thread, so it starts first, on the schema the root namespace names, and hashing,
  // decoding and parsing overlap it (issue 4: a large a-melding is checked in about the time of the slower of
  // the two). The worker has the documents once `startValidation` resolves: it must be awaited before the
  // synchronous work, or the worker would only be created after it.
  const guessed = new Map(
    loaded.map(({ name, bytes }) => [name, bytes.byteLength <= maxBytes ? schemaFromHead(bytes) : null]),
  );
  // A large file's bytes go to the XSD worker for good, and it is parsed from the file again (see takeReadAgain).
  const readAgain = takeReadAgain(loaded, guessed);
  // Past SEQUENTIAL_FROM_BYTES the XSD worker finishes before the text is decoded and parsed, so the peak is the
  // larger of the two phases rather than their sum (a 50,000-person a-melding, 83 MiB: 554 MiB overlapped);
  // below it they overlap for speed. A large document validated streaming may have to be validated again with
  // a tree: when overlapped it gets the decoded text then, so its bytes need not be held meanwhile.
  const earlyItems = [
    ...loaded.flatMap(({ name, bytes }) => {
      const schema = guessed.get(name);
      return schema ? [{ key: name, xml: bytes, schema }] : [];
    }),
    ...readAgain.map(({ file, bytes, schema }) => ({
      key: file.path,
      xml: bytes,
      schema,
      handOver: true,
      again: () => readFileSync(file.path),
    })),
  ];
  const sequential = earlyItems.reduce((n, item) => n + item.xml.byteLength, 0) >= SEQUENTIAL_FROM_BYTES;
  const textOf = new Map<string, string>();
  const early = await startValidation(
    sequential ? earlyItems : earlyItems.map((item) => ({ ...item, again: () => textOf.get(item.key) ?? '' })),
    options.schemaDir,
  );
  earlyItems.length = 0;
  if (sequential) await early.findings;

  const into = { aMeldinger, rf1086, unreadableAt };
  const readAgainCount = readAgain.length;
  const lateItems: XsdLate[] = [];
  for (const again of readAgain.splice(0))
    lateItems.push(...(await readDocumentAgain(again, guessed, into, limits, checkedAt)));
  // The rest of the check needs only the text; the bytes go once xmllint-wasm's run lets go of them.
  const files = decodeLoaded(loaded, limits, checkedAt, unreadableAt, textOf);
  lateItems.push(...readDocuments(files, guessed, into, checkedAt));
  // Files read again were placed first.
  if (readAgainCount) for (const reads of [aMeldinger, rf1086]) reads.sort((a, b) => a.index - b.index);
  // Files whose schema the head did not foretell (another encoding, or a guess the parse overruled) start now.
  const late = await startValidation(lateItems.splice(0), options.schemaDir);
  // The RF-1086 rules need only the forms: they run while the XSD worker validates them.
  const returns = rf1086.length ? rf1086Set(rf1086) : undefined;
  const rf1086Rules = returns ? checkRf1086Rules(returns, ruleOptions(options, today)) : [];
  const xsdFindings = await early.findings;
  for (const [key, findings] of await late.findings) xsdFindings.set(key, findings);
  // No XSD run needs the text any more: 83 MiB for a 50,000-person a-melding, through the rules.
  textOf.clear();

  for (const result of unreadableAt) if (result) results.push(result);

  for (const r of aMeldinger) results.push(checkAMelding(r, xsdFindings.get(r.file.path), options, today, checkedAt));
  if (returns) results.push(checkRf1086(rf1086, xsdFindings, { set: returns, findings: rf1086Rules }, checkedAt));
  return results;
}

function checkAMelding(
  { file, doc }: AMeldingRead,
  xsd: Finding[] | undefined,
  options: CheckReportOptions,
  today: string,
  checkedAt: string,
): AMeldingCheckResult {
  const { document } = doc;
  const schema = document.format === 'xml' ? XSD_FOR_VERSION[document.version] : null;
  const xsdFindings = schema && xsd ? xsd : [];
  const findings: Finding[] = [];
  if (!(schema && xsd)) {
    // No XSD for this input: the reader's own structure findings stand in for it.
    findings.push(...doc.issues);
    if (document.format === 'xml') {
      findings.push(
        warning(
          'XSD_SCHEMA_UNAVAILABLE',
          '',
          `Det finnes ingen XSD for a-melding ${document.version}; strukturen er kontrollert mot Innsenders modell.`,
          `There is no XSD for a-melding ${document.version}; the structure was checked against Innsender's model.`,
        ),
      );
    }
  }
  const rulesCanRun = doc.complete;
  if (rulesCanRun) {
    findings.push(
      ...checkAMeldingRules(document.leveranse, {
        environment: options.environment,
        ...(options.profileOrg ? { profileOrg: options.profileOrg } : {}),
        ...(options.clientOrgs ? { clientOrgs: options.clientOrgs } : {}),
        ...(options.knownMessages ? { knownMessages: options.knownMessages } : {}),
        ...(options.register ? { register: options.register } : {}),
        today,
        source: document.format,
      }),
    );
  } else {
    findings.push(
      warning(
        'REPORT_RULES_SKIPPED',
        '',
        'Innholdskontrollene ble ikke kjørt fordi strukturen har feil. Rett feilene over og kontroller på nytt.',
        'The content checks were not run because the structure has errors. Fix the errors above and check again.',
      ),
    );
  }
  const placed = rulesCanRun ? withPlaces(findings, document.leveranse) : findings;
  const located = locateFindings({ byLine: xsdFindings, byPath: placed }, doc.locations, file.path);
  return {
    kind: 'amelding',
    files: [infoOf(file)],
    valid: !hasErrors(located),
    findings: located,
    checkedAt,
    version: document.version,
    format: document.format,
    xsd: schema,
    summary: rulesCanRun ? summariseAMelding(document.leveranse, document.version, document.format) : null,
  };
}

/** The forms of the check as returns: each main form with its shareholder forms. */
function rf1086Set(reads: readonly Rf1086Read[]): Rf1086Set {
  const mains = reads.flatMap((r) => (r.doc.form.form === 'hovedskjema' ? [r.doc.form as Rf1086Hovedskjema] : []));
  const shareholders = reads.flatMap((r) =>
    r.doc.form.form === 'underskjema' ? [r.doc.form as Rf1086Underskjema] : [],
  );
  return groupRf1086Forms(mains, shareholders);
}

function ruleOptions(options: CheckReportOptions, today: string) {
  return {
    environment: options.environment,
    ...(options.profileOrg ? { profileOrg: options.profileOrg } : {}),
    ...(options.register ? { register: options.register } : {}),
    today,
  };
}

function checkRf1086(
  reads: Rf1086Read[],
  xsd: Map<string, Finding[]>,
  rules: { set: Rf1086Set; findings: readonly Finding[] },
  checkedAt: string,
): Rf1086CheckResult {
  const used = new Set<XsdUsed>();
  const findings: Finding[] = reads.flatMap((r) => {
    const choice = rf1086XsdOf(r);
    if (!choice.ok) return [{ ...choice.finding, file: r.file.path, line: r.doc.form.tree.line }];
    used.add(choice.xsd);
    return (xsd.get(r.file.path) ?? []).map((f) => ({ ...f, file: r.file.path }));
  });
  findings.push(...rules.findings);
  const { set } = rules;
  return {
    kind: 'rf1086',
    files: reads.map((r) => infoOf(r.file)),
    valid: !hasErrors(findings),
    findings,
    checkedAt,
    xsd: [...used].sort(),
    summary: set.returns.length ? summariseRf1086(set) : null,
  };
}

type Loaded = { index: number; name: string; bytes: Uint8Array; fromPath: boolean };
type Decoded = { index: number; file: CheckedFile; text: string };

/**
 * The inputs' bytes, in the order given; a file that cannot be read gets its result in `unreadableAt`. A function
 * of its own so that nothing of the reading outlives it: the map of reads, kept in the check's own frame, held
 * every file's bytes until the check ended (83 MiB beside the text and the model for a 50,000-person a-melding).
 */
async function loadInputs(
  inputs: readonly ReportInput[],
  limits: { maxBytes?: number },
  checkedAt: string,
  unreadableAt: (CheckResult | undefined)[],
): Promise<Loaded[]> {
  const loaded: Loaded[] = [];
  // Synchronously: a check has its thread to itself (the app's check worker, or the CLI); see readRegularFileSync.
  const read = readReportFilesBytesSync(
    inputs.filter((input) => typeof input === 'string'),
    limits,
  );
  for (const [index, input] of inputs.entries()) {
    if (typeof input !== 'string') {
      loaded.push({ index, name: input.name, bytes: input.bytes, fromPath: false });
      continue;
    }
    const got = read.get(input)!;
    if (got.ok) loaded.push({ index, name: input, bytes: got.bytes, fromPath: true });
    else
      unreadableAt[index] = unreadable(
        { path: input, sha256: '0'.repeat(64), size: got.size ?? 0 },
        got.finding,
        checkedAt,
      );
  }
  return loaded;
}

/**
 * Hashes and decodes the loaded files, emptying `loaded`: once this returns, no variable of the check holds a
 * file's bytes (a loop over them in the check's own async frame kept the last file's bytes alive to its end).
 */
function decodeLoaded(
  loaded: Loaded[],
  limits: { maxBytes?: number },
  checkedAt: string,
  unreadableAt: (CheckResult | undefined)[],
  textOf: Map<string, string>,
): Decoded[] {
  const files: Decoded[] = [];
  for (const { index, name, bytes } of loaded.splice(0)) {
    const got = readReportBytes(name, bytes, limits);
    if (got.ok) {
      const { bytes: _bytes, text, ...file } = got.file;
      files.push({ index, file, text });
      // A large document validated streaming and found invalid is validated again with a tree, from its text; a
      // smaller one is validated as a tree from the start, and its text can go as soon as it is parsed.
      if (bytes.byteLength >= XSD_RUN_LIMITS.streamFromBytes) textOf.set(name, text);
    } else {
      const info = { path: name, sha256: got.sha256 ?? '0'.repeat(64), size: got.size ?? 0 };
      unreadableAt[index] = unreadable(info, got.finding, checkedAt);
    }
  }
  return files;
}

/**
 * Parses each file into its report kind's model, emptying `files`, and returns the XSD runs still to do: files
 * whose schema the head did not foretell (another encoding, or a guess the parse overruled). A function of its
 * own, like `decodeLoaded`, so that no variable of the check's async frame holds a file's text once the XSD runs
 * are done.
 */
function readDocuments(
  files: Decoded[],
  guessed: ReadonlyMap<string, XsdUsed | null>,
  into: {
    aMeldinger: AMeldingRead[];
    rf1086: Rf1086Read[];
    unreadableAt: (CheckResult | undefined)[];
  },
  checkedAt: string,
): (XsdDocument & { schema: XsdUsed })[] {
  const late = { aMeldinger: [] as XsdLate[], rf1086: [] as XsdLate[] };
  // Taken off the list one by one (in order), so each text can go once parsed: 5,000 forms' texts kept to the end
  // were copied by every young-generation collection of the parse.
  files.reverse();
  for (let next = files.pop(); next; next = files.pop()) {
    const { index, file, text } = next;
    const doc = readReportDocument(text, file.path);
    const xsdLate = placeDocument({ index, file, doc }, guessed, into, checkedAt, () => text);
    (doc.kind === 'amelding' ? late.aMeldinger : late.rf1086).push(...xsdLate);
  }
  return [...late.aMeldinger, ...late.rf1086];
}

/**
 * Puts a parsed file where the check takes it from (an a-melding, an RF-1086 form, or an unreadable result) and
 * returns its XSD run if it still needs one: when the schema its head foretold was not the one the parse found.
 */
function placeDocument(
  { index, file, doc }: { index: number; file: CheckedFile; doc: ReportDocument },
  guessed: ReadonlyMap<string, XsdUsed | null>,
  into: { aMeldinger: AMeldingRead[]; rf1086: Rf1086Read[]; unreadableAt: (CheckResult | undefined)[] },
  checkedAt: string,
  xmlOf: () => string | Uint8Array,
): XsdLate[] {
  const lateIf = (schema: XsdUsed | null): XsdLate[] =>
    schema && guessed.get(file.path) !== schema ? [{ key: file.path, xml: xmlOf(), schema }] : [];
  if (doc.kind === 'unreadable') {
    into.unreadableAt[index] = unreadable(infoOf(file), doc.finding, checkedAt);
    return [];
  }
  if (doc.kind === 'amelding') {
    into.aMeldinger.push({ index, file, doc });
    return lateIf(doc.document.format === 'xml' ? XSD_FOR_VERSION[doc.document.version] : null);
  }
  const read = { index, file, doc };
  into.rf1086.push(read);
  const choice = rf1086XsdOf(read);
  return lateIf(choice.ok ? choice.xsd : null);
}

/** A large file whose bytes went to the XSD worker, to be parsed from the file again. */
type ReadAgain = { index: number; file: CheckedFile; bytes: Uint8Array; schema: XsdUsed };

/**
 * Takes out of `loaded` the large files (READ_AGAIN_FROM_BYTES, read into memory of their own) that are valid
 * UTF-8 and whose head named their XSD, hashed now. Their bytes are handed over to the XSD worker, which frees
 * them when it ends, and the file is then decoded and parsed from disk in chunks (`readDocumentAgain`): neither
 * the bytes nor the whole text are held beside the model (issue 12: a 50,000-person a-melding, 83 MiB each).
 */
function takeReadAgain(loaded: Loaded[], guessed: ReadonlyMap<string, XsdUsed | null>): ReadAgain[] {
  const taken: ReadAgain[] = [];
  const kept = loaded.filter(({ index, name, bytes, fromPath }) => {
    const schema = guessed.get(name);
    const large = fromPath && bytes.byteLength >= READ_AGAIN_FROM_BYTES && !(bytes.buffer instanceof SharedArrayBuffer);
    if (!schema || !large || !isUtf8(bytes)) return true;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    taken.push({ index, file: { path: name, encoding: 'utf-8', sha256, size: bytes.byteLength }, bytes, schema });
    return false;
  });
  loaded.splice(0, loaded.length, ...kept);
  return taken;
}

/** Parses a file taken by `takeReadAgain` from disk, a chunk at a time, and places it as `readDocuments` does. */
async function readDocumentAgain(
  { index, file }: ReadAgain,
  guessed: ReadonlyMap<string, XsdUsed | null>,
  into: { aMeldinger: AMeldingRead[]; rf1086: Rf1086Read[]; unreadableAt: (CheckResult | undefined)[] },
  limits: { maxBytes?: number },
  checkedAt: string,
): Promise<XsdLate[]> {
  const reader = xmlReportReader(file.path);
  const read = await readReportFileAgain(file.path, { sha256: file.sha256, ...limits }, (text) => reader.write(text));
  if (!read.ok) {
    into.unreadableAt[index] = unreadable(infoOf(file), read.finding, checkedAt);
    return [];
  }
  return placeDocument({ index, file, doc: reader.finish() }, guessed, into, checkedAt, () => readFileSync(file.path));
}

type XsdLate = XsdDocument & { schema: XsdUsed };

/** The XSD version a parsed RF-1086 form declares on its root, by its spesifikasjonsnummer. */
function rf1086XsdOf(r: Rf1086Read) {
  return rf1086XsdFor(r.doc.form.form, r.doc.form.tree.attributes.spesifikasjonsnummer);
}

/**
 * Loads the schemas and starts validating each schema's documents with its engine (`xsdEngineFor`); resolves once
 * xmllint-wasm's workers have their documents, with the findings still to come.
 */
async function startValidation(
  items: readonly (XsdDocument & { schema: XsdUsed })[],
  schemaDir: string | undefined,
): Promise<{ findings: Promise<Map<string, Finding[]>> }> {
  const bySchema = new Map<XsdUsed, XsdDocument[]>();
  for (const { schema, ...document } of items) {
    // Pushed in place: copying the list for each document was quadratic (5,000 shareholder forms).
    const documents = bySchema.get(schema);
    if (documents) documents.push(document);
    else bySchema.set(schema, [document]);
  }
  const runs = await Promise.all(
    [...bySchema].map(([schema, documents]) =>
      startXsdCheck(documents, schema, schemaDir === undefined ? {} : { schemaDir }),
    ),
  );
  const mended = runs.map(async ({ findings, schemaText }) =>
    [...(await findings)].map(([key, found]) => [key, mendLibxml2Findings(found, schemaText)] as const),
  );
  return { findings: Promise.all(mended).then((found) => new Map(found.flat())) };
}

function infoOf(file: CheckedFile): ReportFileInfo {
  return { path: file.path, sha256: file.sha256, size: file.size };
}

function unreadable(info: ReportFileInfo, finding: Finding, checkedAt: string): CheckResult {
  return { kind: 'unreadable', files: [info], valid: false, findings: [{ ...finding, file: info.path }], checkedAt };
}

function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
