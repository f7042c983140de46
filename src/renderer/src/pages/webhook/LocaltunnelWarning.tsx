/** The warning shown wherever localtunnel carries Lever's deliveries: its last hop is unencrypted. */
export function LocaltunnelWarning() {
  return (
    <p className="note note-warn" data-testid="localtunnel-warning">
      Unencrypted hop: the localtunnel client reaches its server over plain TCP, so each delivery (candidate names, emails, salary) and the
      webhook’s secret path can be read between that server and this computer. Prefer ngrok or the client’s own HTTPS address.
    </p>
  );
}
