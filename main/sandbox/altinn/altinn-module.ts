import type { EmulatorModule } from '../host';
import type { SandboxTokenAuthority } from '../maskinporten/token-authority';
import { confirmPageRoutes } from './confirm-page-routes';
import { systemRegisterRoutes } from './system-register-routes';
import { systemUserRequestRoutes } from './system-user-request-routes';
import { changeRequestRoutes } from './change-request-routes';
import { clientDelegationRoutes } from './client-delegation-routes';
import { clientAdminPageRoutes } from './client-admin-page-routes';
import { tokenExchangeRoutes } from './token-exchange-routes';

/**
 * The sandbox Altinn authentication API (system register, system user requests, the Maskinporten token
 * exchange) below `/altinn`, and the owner's approval page below `/altinn-am`. Bearer tokens must come from the
 * sandbox Maskinporten.
 */
export function altinnModule(authority: SandboxTokenAuthority): EmulatorModule {
  return {
    name: 'altinn',
    routes: (ctx) => [
      ...systemRegisterRoutes(ctx, authority),
      ...systemUserRequestRoutes(ctx, authority),
      ...changeRequestRoutes(ctx, authority),
      ...confirmPageRoutes(ctx),
      ...clientDelegationRoutes(ctx, authority),
      ...clientAdminPageRoutes(ctx),
      ...tokenExchangeRoutes(ctx, authority),
    ],
  };
}
