#!/bin/sh
# Runs a command with a working OS keychain for the keytar tests and the app's secrets:
# inside the current desktop session when there is one (DBUS_SESSION_BUS_ADDRESS set), else in
# a private, throw-away D-Bus session with an unlocked gnome-keyring (nothing is left behind).
set -eu
if [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  exec "$@"
fi
if ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  echo "No D-Bus session and no dbus-run-session/gnome-keyring-daemon: keychain tests will skip and the secret e2e tests fail." >&2
  echo "Install them (Debian: apt-get install dbus gnome-keyring) or run: bash .ci/run" >&2
  exec "$@"
fi
XDG_DATA_HOME="$(mktemp -d)"
export XDG_DATA_HOME
status=0
dbus-run-session -- sh -c 'printf reqbridge-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' sh "$@" || status=$?
rm -rf "$XDG_DATA_HOME"
exit "$status"
