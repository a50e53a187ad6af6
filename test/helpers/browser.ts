import { type Browser, chromium } from 'playwright-core';

/** Debian's chromium package: the tests never download a browser of their own. */
export const CHROMIUM = '/usr/bin/chromium';

/** Headless Chromium with nothing of its own going to the network: every request a test sees is the page's. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}
