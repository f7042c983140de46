/** Files the app offers for download, read back as the consultant would open them. */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';

/** A downloaded file: the name the app suggested, where Playwright saved it, and its text. */
export interface DownloadedFile {
  name: string;
  path: string;
  text: string;
}

/** Click `button` and read the file it downloads. */
export async function downloadFrom(page: Page, button: Locator): Promise<DownloadedFile> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), path, text: await readFile(path, 'utf8') };
}
