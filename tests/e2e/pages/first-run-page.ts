import type { Page } from 'playwright-core';

export class FirstRunPage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByText('欢迎使用全链').waitFor();
  }

  async createWorkspace(values: {
    name: string;
    unit: string;
    displayName: string;
    password: string;
  }): Promise<void> {
    await this.page.getByTestId('create-name').fill(values.name);
    await this.page.getByTestId('create-unit').fill(values.unit);
    await this.page.getByTestId('create-display-name').fill(values.displayName);
    await this.page.getByTestId('create-password').fill(values.password);
    await this.page.getByTestId('create-password-confirm').fill(values.password);
    await this.page.getByTestId('create-submit').click();
  }

  async openDemo(): Promise<void> {
    await this.page.getByTestId('open-demo').click();
  }

  /** The one-time recovery key, read off the screen; then confirms and enters. */
  async noteRecoveryKeyAndContinue(): Promise<string> {
    const key = (await this.page.getByTestId('recovery-key').innerText()).trim();
    await this.page.getByTestId('recovery-confirm').check();
    await this.page.getByTestId('recovery-continue').click();
    return key;
  }
}
