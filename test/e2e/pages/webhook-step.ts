/** Setup's step 5, new hires: the webhook's address and secret, the tunnel that makes it public, its signature token and its test delivery. */
import type { Locator, Page } from '@playwright/test';

/** Setup's webhook step. */
export class WebhookStep {
  /** The step itself. */
  readonly step: Locator;
  /** The step's status chip ("Done — connection verified", "Needs attention — …"). */
  readonly chip: Locator;
  /** The address to give Lever. */
  readonly url: Locator;
  /** Said instead of the address while there is no public URL. */
  readonly urlMissing: Locator;
  /** The secret part of the address. */
  readonly secret: Locator;
  readonly copyUrlButton: Locator;
  readonly copySecretButton: Locator;
  /** What to configure in Lever. */
  readonly inLever: Locator;
  /** The last delivery and verification. */
  readonly liveStatus: Locator;
  /** The signature token's form and its status. */
  readonly signatureTokenForm: Locator;
  readonly signatureTokenStatus: Locator;
  /** The advice on which tunnel to use, and localtunnel's warning. */
  readonly tunnelAdvice: Locator;
  readonly localtunnelWarning: Locator;
  /** The endpoint the saved tunnel gives. */
  readonly endpoint: Locator;
  /** localtunnel's warning on the saved endpoint itself. */
  readonly endpointLocaltunnelWarning: Locator;
  readonly publicAddress: Locator;
  readonly publicUrlProblem: Locator;
  readonly localtunnelServer: Locator;
  readonly localtunnelServerProblem: Locator;
  /** "Saved", once the tunnel is saved. */
  readonly tunnelSaved: Locator;
  /** The test delivery's outcome. */
  readonly testDeliveryStatus: Locator;

  /** The window this model drives. */
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.step = page.getByTestId('step-5');
    this.chip = this.step.locator('.step-header .chip');
    this.url = this.step.getByTestId('webhook-url');
    this.urlMissing = this.step.getByTestId('webhook-url-missing');
    this.secret = this.step.getByTestId('webhook-secret');
    this.copyUrlButton = this.step.getByRole('button', { name: 'Copy webhook URL' });
    this.copySecretButton = this.step.getByRole('button', { name: 'Copy webhook secret' });
    this.inLever = this.step.getByRole('list', { name: 'In Lever' });
    this.liveStatus = this.step.getByTestId('webhook-live-status');
    this.signatureTokenForm = this.step.getByTestId('secret-leverWebhookSignatureToken');
    this.signatureTokenStatus = this.step.getByTestId('leverWebhookSignatureToken-status');
    this.tunnelAdvice = this.step.getByTestId('tunnel-advice');
    this.localtunnelWarning = this.step.getByTestId('localtunnel-warning');
    this.endpoint = this.step.getByTestId('webhook-endpoint');
    this.endpointLocaltunnelWarning = this.endpoint.getByTestId('localtunnel-warning');
    this.publicAddress = this.step.getByLabel('Public address');
    this.publicUrlProblem = this.step.getByTestId('public-url-problem');
    this.localtunnelServer = this.step.getByLabel('localtunnel server', { exact: true });
    this.localtunnelServerProblem = this.step.getByTestId('lt-host-problem');
    this.tunnelSaved = this.step.getByText('Saved', { exact: true });
    this.testDeliveryStatus = this.step.getByTestId('test-delivery').getByRole('status');
  }

  /** Choose how Lever reaches the webhook (`/My own public URL/`, `/localtunnel/`, …). */
  async chooseTunnel(choice: RegExp): Promise<void> {
    await this.step.getByRole('radio', { name: choice }).check();
  }

  /** Press Save tunnel (it may be refused: the problem shows beside the field). */
  async saveTunnel(): Promise<void> {
    await this.step.getByRole('button', { name: 'Save tunnel' }).click();
  }

  /** Type the client's own public address without saving. */
  async typePublicAddress(address: string): Promise<void> {
    await this.publicAddress.fill(address);
  }

  /** Type the client's own public address and save the tunnel. */
  async savePublicAddress(address: string): Promise<void> {
    await this.typePublicAddress(address);
    await this.saveTunnel();
  }

  /** Type a localtunnel server and save the tunnel. */
  async saveLocaltunnelServer(server: string): Promise<void> {
    await this.localtunnelServer.fill(server);
    await this.saveTunnel();
  }

  /** Type Lever's webhook signature token and save it. */
  async saveSignatureToken(token: string): Promise<void> {
    await this.signatureTokenForm.getByLabel('Lever webhook signature token').fill(token);
    await this.signatureTokenForm.getByRole('button', { name: 'Save' }).click();
  }

  /** Send Lever's kind of test delivery to the webhook. */
  async sendTestDelivery(): Promise<void> {
    await this.step.getByRole('button', { name: 'Send a test delivery' }).click();
  }
}
