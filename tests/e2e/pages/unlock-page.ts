import type { Page } from 'playwright-core';

export class UnlockPage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId('unlock-submit').waitFor();
  }

  async unlock(password: string, username?: string): Promise<void> {
    if (username) await this.page.getByTestId('unlock-username').locator('input').fill(username);
    await this.page.getByTestId('unlock-password').fill(password);
    await this.page.getByTestId('unlock-submit').click();
  }

  error() {
    return this.page.getByTestId('unlock-error');
  }

  demoCredentials() {
    return this.page.getByTestId('demo-credentials');
  }
}
