import { AppError } from '../../shared/domain/app-error';
import { text, type Language } from '../../shared/domain/localized';
import type { Profile } from '../../shared/domain/profile';
import type { AvstemmingPeriod } from '../../shared/avstemming/avstemmingsrapport';
import { reconcile, type Reconciliation, type SentAMelding } from '../../shared/avstemming/reconcile';
import { reconciliationAsCsv } from '../../shared/avstemming/reconciliation-csv';
import { readReportDocument } from '../../shared/reports/read-report-document';
import type { DesktopPort } from '../desktop-port';
import type { EndpointResolver } from '../environments/resolve';
import type { OutboxWorkers } from '../outbox/outbox-workers';
import type { SetupService } from '../setup/setup-service';
import { createSkatteetatenHttp } from '../skatteetaten/skatteetaten-http';
import { systemUserTokens } from '../skatteetaten/skatteetaten-tokens';
import { AvstemmingClient } from './avstemming-client';
import { reconciliationHtml } from './reconciliation-html';

export interface AvstemmingServiceOptions {
  activeProfile: () => Profile | null;
  setup: Pick<SetupService, 'tokenContext'>;
  /** Where each profile's calls go (`main/environments/resolve.ts`). */
  endpoints: EndpointResolver;
  outbox: Pick<OutboxWorkers, 'receivedAMeldinger'>;
  desktop: DesktopPort;
  language: () => Language;
  now?: () => Date;
  fetch?: typeof fetch;
}

/**
 * The a-melding avstemmingsrapport for the active profile: fetched from Skatteetaten for a month or a year,
 * reconciled against the a-meldinger Innsender sent (the outbox's exact bytes), and exported as CSV or PDF. The
 * last reconciliation of each period is kept in memory for the exports; nothing here is sent anywhere.
 */
export class AvstemmingService {
  private readonly last = new Map<string, Reconciliation>();
  private readonly now: () => Date;

  constructor(private readonly options: AvstemmingServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async fetch(period: AvstemmingPeriod): Promise<Reconciliation> {
    const profile = this.profile();
    const endpoints = await this.options.endpoints.forProfile(profile);
    const base = endpoints.skatteetaten.ameldingAvstemming;
    if (!base) {
      throw new AppError(
        'AVSTEMMING_NOT_CONFIGURED',
        text(
          'Miljøet har ingen adresse for avstemmingsrapporten. Legg inn "ameldingAvstemming" i skatteetaten-delen av miljøfilen.',
          'The environment has no address for the reconciliation report. Add "ameldingAvstemming" to the skatteetaten block of the environment file.',
        ),
      );
    }
    const context = await this.options.setup.tokenContext(profile);
    const client = new AvstemmingClient({
      base,
      http: createSkatteetatenHttp({
        tokens: systemUserTokens(context.tokens, context.systemUser),
        ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
        now: this.now,
      }),
    });
    const report = await client.fetchReport(profile.orgNumber, period);
    const view = reconcile(report, await this.sent(), this.now().toISOString());
    this.last.set(key(profile, view.fra, view.til), view);
    return view;
  }

  async exportCsv(period: { fra: string; til: string }): Promise<{ content: string; defaultName: string }> {
    const view = this.fetched(period);
    return {
      content: reconciliationAsCsv(view),
      defaultName: `avstemming-${view.opplysningspliktig}-${name(view)}.csv`,
    };
  }

  async exportPdf(period: { fra: string; til: string }): Promise<{ content: Uint8Array; defaultName: string }> {
    const view = this.fetched(period);
    // Printed by the app window's port (as receipts are); the CLI has no window.
    const window = this.options.desktop.window;
    if (!window) {
      throw new AppError(
        'AVSTEMMING_PDF_UNAVAILABLE',
        text('PDF kan bare lages i appen. Bruk CSV her.', 'A PDF can only be made in the app. Use CSV here.'),
      );
    }
    const content = await window.printToPdf(reconciliationHtml(view, this.options.language()), { landscape: true });
    return { content, defaultName: `avstemming-${view.opplysningspliktig}-${name(view)}.pdf` };
  }

  /** What Innsender sent and Skatteetaten received, read from the outbox's own copy of the bytes. */
  private async sent(): Promise<SentAMelding[]> {
    const sent: SentAMelding[] = [];
    for (const { submission, body } of await this.options.outbox.receivedAMeldinger()) {
      if (submission.state.kind !== 'received' || submission.target.service !== 'a-melding') continue;
      const read = readReportDocument(body, 'a-melding');
      // Sent only after an error-free check, so an unreadable copy means a damaged file: left out, not guessed.
      if (read.kind !== 'amelding' || !read.complete) continue;
      sent.push({
        meldingsId: submission.target.meldingsId,
        kalendermaaned: submission.target.kalendermaaned,
        ...(submission.target.erstatterMeldingsId
          ? { erstatterMeldingsId: submission.target.erstatterMeldingsId }
          : {}),
        receivedAt: submission.state.at,
        leveranse: read.document.leveranse,
      });
    }
    return sent;
  }

  private fetched(period: { fra: string; til: string }): Reconciliation {
    const view = this.last.get(key(this.profile(), period.fra, period.til));
    if (!view) {
      throw new AppError(
        'AVSTEMMING_NOT_FETCHED',
        text('Hent avstemmingsrapporten for perioden først.', 'Fetch the reconciliation report for the period first.'),
      );
    }
    return view;
  }

  private profile(): Profile {
    const profile = this.options.activeProfile();
    if (!profile) {
      throw new AppError(
        'AVSTEMMING_NO_PROFILE',
        text('Legg til eller velg en virksomhet først.', 'Add or choose an organisation first.'),
      );
    }
    return profile;
  }
}

const key = (profile: Profile, fra: string, til: string) => `${profile.id} ${fra} ${til}`;
const name = (view: Reconciliation) => (view.fra === view.til ? view.fra : `${view.fra}_${view.til}`);
