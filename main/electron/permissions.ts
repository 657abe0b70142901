import type { Session } from 'electron';

/** The app needs no camera, microphone, notifications-by-web-API, geolocation or devices: refuse them all. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
