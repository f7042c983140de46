/** One profile's card on Home: its name and environment, schedule, attention items, runs and new-hire webhook. */
import type { Locator } from '@playwright/test';
import type { DownloadedFile } from './downloads.ts';
import { downloadFrom } from './downloads.ts';

/** A profile's card on Home. */
export class HomeCard {
  /** The card itself (its `data-profile` holds the profile's id). */
  readonly root: Locator;
  /** The profile's name. */
  readonly name: Locator;
  /** The environment badge ("Sandbox", "Not configured", "Production"). */
  readonly badge: Locator;
  /** "In use" on the current profile's card. */
  readonly currentChip: Locator;
  /** The daily run line of the schedule. */
  readonly runDaily: Locator;
  /** The next run of the schedule. */
  readonly nextRun: Locator;
  /** The Sync On Change line of the schedule. */
  readonly syncOnChange: Locator;
  /** What needs the consultant's attention on this profile. */
  readonly attention: Locator;
  /** The runs part, with its own Sync now. */
  readonly runs: Locator;
  /** The last run. */
  readonly lastRun: Locator;
  readonly syncNowButton: Locator;
  readonly pullMetricsButton: Locator;
  /** The sentence shown instead of Sync now until Setup is finished. */
  readonly setupFirst: Locator;
  /** The new-hire webhook part, its heading, its tunnel line and its last delivery. */
  readonly webhook: Locator;
  readonly webhookHeading: Locator;
  readonly webhookTunnel: Locator;
  readonly webhookTunnelValue: Locator;
  readonly webhookLastDelivery: Locator;
  readonly webhookLastDeliveryValue: Locator;
  /** The last delivery's time, with its exact moment in its title. */
  readonly webhookLastDeliveryTime: Locator;

  constructor(root: Locator) {
    this.root = root;
    this.name = root.getByRole('heading', { level: 2 });
    this.badge = root.locator('.badge');
    this.currentChip = root.locator('.chip-current');
    this.runDaily = root.getByTestId('schedule-run-daily');
    this.nextRun = root.getByTestId('schedule-next-run');
    this.syncOnChange = root.getByTestId('schedule-sync-on-change');
    this.attention = root.getByTestId('attention');
    this.runs = root.getByTestId('home-runs');
    this.lastRun = root.getByTestId('home-last-run');
    this.syncNowButton = this.runs.getByRole('button', { name: 'Sync now' });
    this.pullMetricsButton = root.getByRole('button', { name: 'Pull candidate metrics now' });
    this.setupFirst = root.getByTestId('home-setup-first');
    this.webhook = root.getByTestId('home-webhook');
    this.webhookHeading = this.webhook.getByRole('heading', { level: 3 });
    this.webhookTunnel = this.webhook.getByTestId('home-webhook-tunnel');
    this.webhookTunnelValue = this.webhookTunnel.locator('dd');
    this.webhookLastDelivery = this.webhook.getByTestId('home-webhook-last-delivery');
    this.webhookLastDeliveryValue = this.webhookLastDelivery.locator('dd');
    this.webhookLastDeliveryTime = this.webhookLastDelivery.locator('time[title]');
  }

  /** A sentence shown in the runs part (e.g. why Sync now is off). */
  runsNote(text: string): Locator {
    return this.runs.getByText(text);
  }

  /** The attention item whose text mentions `text`. */
  attentionItem(text: string): Locator {
    return this.attention.getByRole('listitem').filter({ hasText: text });
  }

  /** Press an attention item's button (e.g. "Turn it on in Options"). */
  async actOnAttention(item: string, button: string): Promise<void> {
    await this.attentionItem(item).getByRole('button', { name: button }).click();
  }

  /** Make this card's profile the current one. */
  async use(): Promise<void> {
    await this.root.getByRole('button', { name: 'Use this profile' }).click();
  }

  /** Press the card's Preview (the plan sheet opens). */
  async preview(): Promise<void> {
    await this.root.getByRole('button', { name: 'Preview' }).click();
  }

  /** Press the card's Pull candidate metrics now (the run opens in Runs). */
  async pullMetrics(): Promise<void> {
    await this.pullMetricsButton.click();
  }

  /** Download the profile's hand-over report. */
  downloadHandoverReport(): Promise<DownloadedFile> {
    return downloadFrom(this.root.page(), this.root.getByRole('button', { name: 'Hand-over report' }));
  }

  /** Open the last run in Runs. */
  async openLastRun(): Promise<void> {
    await this.lastRun.getByRole('button', { name: /^Open run \d+$/ }).click();
  }

  /** Follow the card's "Finish Setup". */
  async finishSetup(): Promise<void> {
    await this.setupFirst.getByRole('button', { name: 'Finish Setup' }).click();
  }
}
