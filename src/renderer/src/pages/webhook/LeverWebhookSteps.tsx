/** The Lever side of the guide's new-hire setup, step by step. */
export function LeverWebhookSteps() {
  return (
    <ol className="guide-steps" aria-label="In Lever">
      <li>
        Open <strong>Settings → Integrations and API</strong>.
      </li>
      <li>
        Select the <strong>Webhooks</strong> tab.
      </li>
      <li>
        Turn <strong>Candidate Hire</strong> on.
      </li>
      <li>
        Paste the webhook URL above and <strong>add</strong> the webhook.
      </li>
      <li>
        Copy the <strong>signature token</strong> Lever shows for it into the field below.
      </li>
      <li>
        Select <strong>Verify Connection</strong>: the status here turns to “connection verified”.
      </li>
    </ol>
  );
}
