#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so the keychain code is tested
# against a real Secret Service (libsecret) and never against a fake. On macOS and Windows the OS keychain is
# already there, so the command runs as it is.
set -euo pipefail
# Inside npm scripts node_modules/.bin is on PATH; from a plain shell, npx finds the project's own binaries.
run() { if command -v "$1" >/dev/null 2>&1; then exec "$@"; else exec npx --no-install "$@"; fi; }
if [[ "$(uname -s)" != "Linux" || -n "${INNSENDER_KEYRING_READY:-}" ]]; then
  run "$@"
fi
for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || { echo "with-keyring: $tool is missing (apt-get install dbus gnome-keyring libsecret-1-dev)" >&2; exit 1; }
done
export INNSENDER_KEYRING_READY=1
# A throwaway keyring (and password) per run, removed afterwards; the exit code is the command's.
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
dbus-run-session -- bash -c '
  export XDG_DATA_HOME="$0/data" XDG_RUNTIME_DIR="$0/run"
  mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
  eval "$(printf "innsender-test\n" | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
  if command -v "$1" >/dev/null 2>&1; then exec "$@"; else exec npx --no-install "$@"; fi
' "$keyring_home" "$@"
