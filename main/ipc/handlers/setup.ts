import type { AppServices } from '../../app-services';
import type { HandlersFor } from '../dispatch';
import type { setupChannels } from '../../../shared/ipc/channels/setup';

/** The setup wizard's channels, each answered by the SetupService. Validation happened before this. */
export function setupHandlers(services: AppServices): HandlersFor<keyof typeof setupChannels> {
  const { setup } = services;
  return {
    'setup.status': () => setup.overview(),

    'keys.checkKeychain': async () => {
      await setup.checkKeychain();
      return { usable: true as const };
    },
    'keys.generate': () => setup.generateKey(),
    'keys.importText': (input) => setup.importKeyText(input),
    'keys.importFile': (input) => setup.importKeyFile(input),
    'keys.markRegistered': ({ kid }) => setup.markKeyRegistered(kid),
    'keys.retire': ({ kid }) => setup.retireKey(kid),
    'keys.setPortalKid': ({ kid, portalKid }) => setup.setKeyPortalKid(kid, portalKid),
    'keys.copyPublicJwk': async ({ kid }) => {
      await setup.copyPublicJwk(kid);
      return { copied: true as const };
    },
    'keys.savePublicJwk': async ({ kid }) => ({ path: await setup.savePublicJwk(kid) }),
    'keys.publicJwks': () => setup.publicJwks(),

    'maskinporten.registerSandboxClient': () => setup.registerSandboxClient(),
    'maskinporten.setClientId': ({ clientId }) => setup.setClientId(clientId),
    'maskinporten.testConnection': async () => {
      const tested = await setup.testConnection();
      await services.outbox.resumeAfterLogin();
      return tested;
    },

    'systemuser.registerSystem': ({ services: chosen, ...choice }) => setup.registerSystem(chosen, choice),
    'systemuser.createRequest': ({ ownerOrgNumber }) => setup.createRequest(ownerOrgNumber),
    'systemuser.openApproval': async () => {
      await setup.openApproval();
      return { opened: true as const };
    },
    'systemuser.refreshStatus': () => setup.refreshStatus(),
    'systemuser.discardRequest': () => setup.discardRequest(),

    'systemuser.changeServices': async ({ services: chosen }) => {
      await setup.changes.request(chosen);
      return setup.overview();
    },
    'systemuser.openChangeApproval': async () => {
      await setup.changes.openApproval();
      return { opened: true as const };
    },
    'systemuser.refreshChange': async () => {
      await setup.changes.refresh();
      return setup.overview();
    },
    'systemuser.discardChange': async () => {
      await setup.changes.discard();
      return setup.overview();
    },
  };
}
