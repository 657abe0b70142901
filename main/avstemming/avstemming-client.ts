import { AppError } from '../../shared/domain/app-error';
import { text } from '../../shared/domain/localized';
import {
  AvstemmingsrapportSchema,
  periodRange,
  type AvstemmingPeriod,
  type Avstemmingsrapport,
} from '../../shared/avstemming/avstemmingsrapport';
import { serviceById } from '../../shared/domain/services-catalogue';
import type { SkatteetatenHttp } from '../skatteetaten/skatteetaten-http';

export interface AvstemmingClientOptions {
  http: SkatteetatenHttp;
  /** The environment's `skatteetaten.ameldingAvstemming`. */
  base: string;
}

/**
 * The a-melding avstemmingsrapport API. Confirmed (docs/api/avstemmingsrapport-amelding.md @ 3e022611): the scope
 * `skatteetaten:innrapporteringamelding`, JSON answers only. UNCONFIRMED (SwaggerHub only): the path
 * `GET {base}/{opplysningspliktig}?fraOgMedKalendermaaned=YYYY-MM&tilOgMedKalendermaaned=YYYY-MM`, chosen after the
 * a-melding API's own `{kalendermaaned}/{opplysningspliktig}` naming; the base is a setting of the environment.
 */
export class AvstemmingClient {
  constructor(private readonly options: AvstemmingClientOptions) {}

  async fetchReport(opplysningspliktig: string, period: AvstemmingPeriod): Promise<Avstemmingsrapport> {
    const { fra, til } = periodRange(period);
    const url = new URL(`${this.options.base}/${encodeURIComponent(opplysningspliktig)}`);
    url.searchParams.set('fraOgMedKalendermaaned', fra);
    url.searchParams.set('tilOgMedKalendermaaned', til);
    const response = await this.options.http.send({
      method: 'GET',
      url,
      scope: serviceById('a-melding-avstemming').scope,
    });
    let body: unknown;
    try {
      body = response.json<unknown>();
    } catch {
      body = undefined;
    }
    const parsed = AvstemmingsrapportSchema.safeParse(body);
    if (!parsed.success) {
      throw new AppError(
        'AVSTEMMING_UNREADABLE',
        text(
          'Avstemmingsrapporten fra Skatteetaten hadde en form Innsender ikke kjenner. Formatet er ikke publisert ennå; meld fra om feilen.',
          'Skatteetaten’s reconciliation report had a shape Innsender does not know. The format is not published yet; please report this.',
        ),
        parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`),
      );
    }
    return parsed.data;
  }
}
