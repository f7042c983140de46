/** The Setup page: the steps (keys, connection, Check connection, data flow, new hires) and the value mappings. */
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { AppShell } from './app-shell.ts';
import { ConnectionCheckStep } from './connection-check-step.ts';
import { WebhookStep } from './webhook-step.ts';

/** A secret Setup keeps in the OS keychain, by its form's name. */
export type SecretName = 'leverApiKey' | 'charthopToken' | 'leverWebhookSignatureToken';

/** A kind of value mapping, as its group's summary reads. */
export type MappingGroup = 'Users' | 'Teams' | 'Locations';

/** The Setup page of the current profile. */
export class SetupPage {
  /** The connection form, its fields and what is wrong beside them. */
  readonly connectionForm: Locator;
  readonly charthopOrg: Locator;
  readonly charthopOrgProblem: Locator;
  readonly charthopBaseUrl: Locator;
  readonly charthopBaseUrlProblem: Locator;
  readonly saveConnectionButton: Locator;
  /** "Saved", once the connection (or a tunnel) is saved. */
  readonly saved: Locator;
  /** The Lever API base URL of a custom environment, and why it cannot be saved. */
  readonly leverBaseUrl: Locator;
  readonly leverBaseUrlProblem: Locator;
  /** Said before saving a changed API host (its keys will be removed), and after (they were). */
  readonly hostChangeWarning: Locator;
  readonly hostChangeDone: Locator;
  /** "Still missing: …", the line that lists what a profile lacks. */
  readonly stillMissing: Locator;
  /** The value mappings section. */
  readonly mappings: Locator;
  /** The value mappings' saved state. */
  readonly mappingsStatus: Locator;
  /** Step 3: Check connection. */
  readonly connectionCheck: ConnectionCheckStep;
  /** Step 5: the webhook for new hires. */
  readonly webhook: WebhookStep;

  private readonly shell: AppShell;

  /** The window this model drives. */
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.shell = new AppShell(page);
    this.connectionForm = page.locator('form[aria-labelledby="connection-title"]');
    this.charthopOrg = page.getByLabel('ChartHop org (id or slug)');
    this.charthopOrgProblem = page.getByTestId('charthop-org-problem');
    this.charthopBaseUrl = page.getByLabel('ChartHop base URL');
    this.charthopBaseUrlProblem = page.getByTestId('charthop-base-url-problem');
    this.saveConnectionButton = page.getByRole('button', { name: 'Save connection' });
    this.saved = page.getByText('Saved', { exact: true });
    this.leverBaseUrl = page.getByLabel('Lever API base URL');
    this.leverBaseUrlProblem = page.getByTestId('lever-custom-url-problem');
    this.stillMissing = page.getByText('Still missing:');
    this.hostChangeWarning = page.getByTestId('host-change-warning');
    this.hostChangeDone = page.getByTestId('host-change-done');
    this.mappings = page.locator('#mappings');
    this.mappingsStatus = this.mappings.getByRole('status');
    this.connectionCheck = new ConnectionCheckStep(page);
    this.webhook = new WebhookStep(page);
  }

  /** Open Setup from the rail. */
  async open(): Promise<void> {
    await this.shell.open('Setup');
  }

  /** A numbered step of Setup (3 is Check connection, 5 is new hires). */
  step(number: number): Locator {
    return this.page.getByTestId(`step-${number}`);
  }

  /** A step's status chip ("Done — connection verified", "Needs attention — …"). */
  stepChip(number: number): Locator {
    return this.step(number).locator('.step-header .chip');
  }

  /** The form of one secret. */
  secretForm(name: SecretName): Locator {
    return this.page.getByTestId(`secret-${name}`);
  }

  /** What a secret's status says ("Not set", "•••• Tk42", …). */
  secretStatus(name: SecretName): Locator {
    return this.page.getByTestId(`${name}-status`);
  }

  /** A secret's field, labelled `label`. */
  secretField(name: SecretName, label: string): Locator {
    return this.secretForm(name).getByLabel(label);
  }

  /** Why a secret cannot be used as it is (e.g. an environment key for another profile). */
  secretProblem(name: SecretName): Locator {
    return this.page.getByTestId(`${name}-problem`);
  }

  /** What is wrong with what a secret's field holds, said as it is typed. */
  secretFieldProblem(name: SecretName): Locator {
    return this.secretForm(name).getByTestId(`${name}-field-problem`);
  }

  /** A secret's Save button. */
  secretSaveButton(name: SecretName): Locator {
    return this.secretForm(name).getByRole('button', { name: 'Save' });
  }

  /** Type into a secret's field without saving. */
  async typeSecret(name: SecretName, label: string, value: string): Promise<void> {
    await this.secretField(name, label).fill(value);
  }

  /** Type the ChartHop org without saving. */
  async setCharthopOrg(org: string): Promise<void> {
    await this.charthopOrg.fill(org);
  }

  /** Type the ChartHop base URL without saving. */
  async setCharthopBaseUrl(url: string): Promise<void> {
    await this.charthopBaseUrl.fill(url);
  }

  /** The dialog that asks before a secret is removed, by its title. */
  removeSecretDialog(title: string): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  /** The Cancel of the dialog that asks before a secret is removed. */
  removeSecretCancelButton(title: string): Locator {
    return this.removeSecretDialog(title).getByRole('button', { name: 'Cancel' });
  }

  /** Answer the removal question with Cancel: the secret stays. */
  async keepSecret(title: string): Promise<void> {
    await this.removeSecretCancelButton(title).click();
  }

  /** Confirm the removal in the dialog, with its button (e.g. "Remove the Lever API key"). */
  async confirmRemoveSecret(title: string, button: string): Promise<void> {
    await this.removeSecretDialog(title).getByRole('button', { name: button }).click();
  }

  /** Press a secret's Clear (a dialog asks first). */
  async clearSecret(name: SecretName): Promise<void> {
    await this.secretForm(name).getByRole('button', { name: 'Clear' }).click();
  }

  /** Choose the Lever environment ("US", "EU", "Custom URL"). */
  async chooseLeverEnvironment(name: string): Promise<void> {
    await this.page.getByRole('radio', { name }).check();
  }

  /** Type a custom Lever API base URL. */
  async setLeverBaseUrl(url: string): Promise<void> {
    await this.leverBaseUrl.fill(url);
  }

  /** Press Save connection (it may be refused: the problem shows beside its field). */
  async pressSaveConnection(): Promise<void> {
    await this.saveConnectionButton.click();
  }

  /** Type a secret into its field (labelled `label`) and save it. */
  async saveSecret(name: SecretName, label: string, value: string): Promise<void> {
    await this.typeSecret(name, label, value);
    await this.secretSaveButton(name).click();
  }

  /** Type the ChartHop org and save the connection. */
  async saveConnection(org: string): Promise<void> {
    await this.setCharthopOrg(org);
    await this.pressSaveConnection();
  }

  /** Start Check connection (step 3); its report follows. */
  async checkConnection(): Promise<void> {
    await this.connectionCheck.run();
  }

  /** A kind of value mapping's disclosure ("Users", "Employment types", …). */
  mappingKind(name: string): Locator {
    return this.page.locator('details.mapping-kind').filter({ hasText: name });
  }

  /** Open or close a kind of value mapping. */
  async toggleMappingKind(name: string): Promise<void> {
    await this.mappingKind(name).locator('summary').click();
  }

  /** A kind of value mapping's add button, by its exact name ("Add a user mapping"). */
  addMappingButton(kind: string, name: string): Locator {
    return this.mappingKind(kind).getByRole('button', { name, exact: true });
  }

  /** A group of value mappings, opened if it starts closed. */
  async mappingGroup(name: MappingGroup): Promise<Locator> {
    const group = this.mappings.locator('details').filter({ has: this.page.locator('summary', { hasText: name }) });
    if ((await group.getAttribute('open')) === null) await group.locator('summary').click();
    return group;
  }

  /** Add a user mapping from a ChartHop email to a Lever email, save the mappings and wait until they are saved. */
  async addUserMapping(charthopEmail: string, leverEmail: string): Promise<void> {
    const users = await this.mappingGroup('Users');
    await users.getByRole('button', { name: 'Add a user mapping' }).click();
    const last = users.locator('.mapping-row').last();
    await last.getByPlaceholder('ChartHop email').fill(charthopEmail);
    await last.getByPlaceholder('Lever email').fill(leverEmail);
    await this.mappings.getByRole('button', { name: 'Save mappings' }).click();
    await expect(this.mappingsStatus).toHaveText('Saved');
  }
}
