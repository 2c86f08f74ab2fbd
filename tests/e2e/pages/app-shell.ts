import type { Page } from 'playwright-core';

export class AppShell {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId('lock-button').waitFor();
  }

  async lock(): Promise<void> {
    await this.page.getByTestId('lock-button').click();
  }

  async navigate(label: string): Promise<void> {
    await this.page.getByRole('menuitem', { name: label }).click();
  }
}
