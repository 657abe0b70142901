import type { AppServices } from '../app-services';
import type { Handlers } from './dispatch';
import { foundationHandlers } from './handlers/foundation';
import { setupHandlers } from './handlers/setup';
import { prerequisitesHandlers } from './handlers/prerequisites';
import { reportsHandlers } from './handlers/reports';
import { feedbackHandlers } from './handlers/feedback';
import { outboxHandlers } from './handlers/outbox';
import { skattekortHandlers } from './handlers/skattekort';
import { avstemmingHandlers } from './handlers/avstemming';
import { tredjepartHandlers } from './handlers/tredjepart';
import { deadlinesHandlers } from './handlers/deadlines';
import { desktopHandlers } from './handlers/desktop';
import { firmHandlers } from './handlers/firm';
import { registerHandlers } from './handlers/register';

/** Joins each capability's handlers; the type demands one for every channel in the contract. */
export function createHandlers(services: AppServices): Handlers {
  return {
    ...foundationHandlers(services),
    ...setupHandlers(services),
    ...prerequisitesHandlers(services),
    ...reportsHandlers(services),
    ...feedbackHandlers(services),
    ...outboxHandlers(services),
    ...skattekortHandlers(services),
    ...avstemmingHandlers(services),
    ...tredjepartHandlers(services),
    ...deadlinesHandlers(services),
    ...desktopHandlers(services),
    ...firmHandlers(services),
    ...registerHandlers(services),
  };
}
