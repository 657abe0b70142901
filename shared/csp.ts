/**
 * The renderer's Content Security Policy: nothing by default, the app's own scripts, styles, images and fonts,
 * and no network at all (every call goes through main). Sent as a header by the app protocol and present as a
 * <meta> in index.html so it holds however the page is loaded.
 */
export const RENDERER_CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
  ['object-src', "'none'"],
];

export function rendererCsp(overrides: Record<string, string> = {}): string {
  return RENDERER_CSP_DIRECTIVES.map(([name, value]) => `${name} ${overrides[name] ?? value}`).join('; ');
}
