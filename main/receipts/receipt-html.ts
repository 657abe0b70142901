import type { Language, LocalizedText } from '../../shared/domain/localized';
import type { EnvironmentName } from '../../shared/domain/profile';
import { serviceById } from '../../shared/domain/services-catalogue';
import type { Submission, SubmissionReceipt } from '../../shared/outbox/submission';
import { AppError } from '../../shared/domain/app-error';

/** What a receipt is made from: a received submission and who sent it, where. */
export interface ReceiptInput {
  submission: Submission;
  company: { displayName: string; orgNumber: string };
  environment: EnvironmentName;
  language: Language;
  /** When the receipt was made (the clock is injected, so a receipt is reproducible in a test). */
  madeAt: Date;
  version: string;
}

const ENVIRONMENTS: Record<EnvironmentName, LocalizedText> = {
  sandbox: { nb: 'Sandkasse', en: 'Sandbox' },
  test: { nb: 'Test (TT02)', en: 'Test (TT02)' },
  production: { nb: 'Produksjon', en: 'Production' },
  custom: { nb: 'Egendefinert', en: 'Custom' },
};

/** Skatteetaten's receipt ids, in the order a caseworker asks for them, with their names. */
const RECEIPT_IDS: [keyof SubmissionReceipt, LocalizedText][] = [
  ['dialogId', { nb: 'Dialog-ID', en: 'Dialog ID' }],
  ['forsendelseId', { nb: 'Forsendelses-ID', en: 'Transmission ID' }],
  ['meldingsId', { nb: 'Meldings-ID', en: 'Message ID' }],
  ['hovedskjemaId', { nb: 'Hovedskjema-ID', en: 'Main form ID' }],
  ['bestillingsreferanse', { nb: 'Bestillingsreferanse', en: 'Order reference' }],
  ['oppgavegiversLeveranseReferanse', { nb: 'Leveransereferanse', en: 'Delivery reference' }],
];

const WORDS = {
  title: { nb: 'Kvittering for innsending', en: 'Submission receipt' },
  received: { nb: 'Skatteetaten har tatt imot innsendingen.', en: 'Skatteetaten has received the submission.' },
  sandbox: {
    nb: 'Sandkasse: dette ble ikke sendt til Skatteetaten, bare til en etterligning på denne maskinen.',
    en: 'Sandbox: this was not sent to Skatteetaten, only to an emulator on this machine.',
  },
  company: { nb: 'Virksomhet', en: 'Organisation' },
  what: { nb: 'Innhold', en: 'Content' },
  service: { nb: 'Tjeneste', en: 'Service' },
  environment: { nb: 'Miljø', en: 'Environment' },
  receivedAt: { nb: 'Mottatt', en: 'Received' },
  idsHeading: { nb: 'Referanser fra Skatteetaten', en: 'References from Skatteetaten' },
  sentHeading: { nb: 'Det som ble sendt', en: 'What was sent' },
  submissionId: { nb: 'Innsendings-ID i Innsender', en: 'Submission ID in Innsender' },
  size: { nb: 'Størrelse', en: 'Size' },
  checksum: { nb: 'Kontrollsum (SHA-256)', en: 'Checksum (SHA-256)' },
  checksumNote: {
    nb: 'Kontrollsummen viser at filen du har, er den samme som ble sendt.',
    en: 'The checksum shows that the file you have is the one that was sent.',
  },
  tredjepart: { nb: 'Tredjepartsopplysninger', en: 'Third-party information' },
  bytes: { nb: 'byte', en: 'bytes' },
} satisfies Record<string, LocalizedText>;

/** The receipt's file name: `Kvittering-<what>-<date>.pdf`, safe on every OS. */
export function receiptFileName(submission: Submission, language: Language): string {
  const stem = language === 'en' ? 'Receipt' : 'Kvittering';
  const what = submission.label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  const day = receivedState(submission).at.slice(0, 10);
  return `${stem}-${what || submission.id}-${day}.pdf`;
}

/**
 * One receipt, as a self-contained HTML document (inline CSS, no script, no outside resource): the app prints it
 * or saves it as PDF with Electron's `webContents.printToPDF`, and the tests render the same document with headless
 * Chromium's `page.pdf()`. Only a received submission has a receipt: before that there is nothing to prove.
 */
export function renderReceiptHtml(input: ReceiptInput): string {
  const { submission, company, environment, language: lang } = input;
  const state = receivedState(submission);
  const w = (t: LocalizedText) => escapeHtml(t[lang]);
  const row = (name: LocalizedText, value: string, cls = '') =>
    `<div class="row"><dt>${w(name)}</dt><dd${cls ? ` class="${cls}"` : ''}>${escapeHtml(value)}</dd></div>`;
  const ids = RECEIPT_IDS.filter(([key]) => state.receipt[key]).map(([key, name]) =>
    row(name, state.receipt[key] ?? '', 'id'),
  );
  return `<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'nb'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${w(WORDS.title)} — ${escapeHtml(company.displayName)}</title>
<style>
@page { size: A4; margin: 18mm 16mm; }
body { font-family: 'Segoe UI', system-ui, sans-serif; color: #1e2b3c; font-size: 11pt; line-height: 1.45; margin: 0; }
h1 { font-size: 18pt; margin: 0 0 4pt; }
h2 { font-size: 12pt; margin: 16pt 0 6pt; border-bottom: 1px solid #c7cdd4; padding-bottom: 2pt; }
p { margin: 0 0 6pt; }
.lead { font-size: 12pt; font-weight: 600; }
.note { border-left: 4px solid #c45f00; padding: 4pt 8pt; background: #fff4e5; }
dl { margin: 0; }
.row { display: grid; grid-template-columns: 38% minmax(0, 1fr); gap: 8pt; padding: 3pt 0; break-inside: avoid; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
.id { font-family: ui-monospace, 'Cascadia Mono', 'DejaVu Sans Mono', monospace; font-size: 10pt; }
footer { margin-top: 18pt; font-size: 9pt; color: #4b5563; }
</style>
</head>
<body>
<h1>${w(WORDS.title)}</h1>
<p class="lead">${w(WORDS.received)}</p>
${environment === 'sandbox' ? `<p class="note">${w(WORDS.sandbox)}</p>` : ''}
<dl>
${row(WORDS.company, `${company.displayName} (${formatOrgNumber(company.orgNumber)})`)}
${row(WORDS.what, submission.label)}
${row(WORDS.service, serviceName(submission)[lang])}
${row(WORDS.environment, ENVIRONMENTS[environment][lang])}
${row(WORDS.receivedAt, formatDateTime(state.at, lang))}
</dl>
<h2>${w(WORDS.idsHeading)}</h2>
<dl>
${ids.join('\n')}
</dl>
<h2>${w(WORDS.sentHeading)}</h2>
<dl>
${row(WORDS.submissionId, submission.id, 'id')}
${row(WORDS.size, `${submission.payloadBytes.toLocaleString(locale(lang)).replace(/\u00a0/g, ' ')} ${WORDS.bytes[lang]}`)}
${row(WORDS.checksum, submission.payloadSha256, 'id')}
</dl>
<p>${w(WORDS.checksumNote)}</p>
<footer>Innsender ${escapeHtml(input.version)} · ${escapeHtml(formatDateTime(input.madeAt.toISOString(), lang))}</footer>
</body>
</html>
`;
}

function receivedState(submission: Submission): Extract<Submission['state'], { kind: 'received' }> {
  if (submission.state.kind !== 'received') {
    throw new AppError('RECEIPT_NOT_RECEIVED', {
      nb: 'Det finnes bare kvittering for en innsending Skatteetaten har tatt imot. Denne er ikke mottatt ennå.',
      en: 'There is a receipt only for a submission Skatteetaten has received. This one has not been received yet.',
    });
  }
  return submission.state;
}

function serviceName(submission: Submission): LocalizedText {
  return submission.target.service === 'tredjepart' ? WORDS.tredjepart : serviceById(submission.target.service).name;
}

const locale = (lang: Language) => (lang === 'en' ? 'en-GB' : 'nb-NO');

/** Norwegian time, as people read it ("7. desember 2026 kl. 09:30"), never an ISO string. */
function formatDateTime(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(locale(lang), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Oslo',
  }).format(new Date(iso));
}

/** 974761076 → "974 761 076", as the Brønnøysund registers print it. */
function formatOrgNumber(org: string): string {
  return /^\d{9}$/.test(org) ? `${org.slice(0, 3)} ${org.slice(3, 6)} ${org.slice(6)}` : org;
}

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}
