import type { Page } from 'playwright-core';

export class CasePage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByTestId('case-title-heading');
  }

  async addSuspect(values: { name: string; idNumber: string }): Promise<void> {
    await this.page.getByTestId('add-suspect').click();
    await this.page.getByTestId('person-name').fill(values.name);
    await this.page.getByTestId('person-id-number').fill(values.idNumber);
    await this.page.getByTestId('person-id-number').blur();
  }

  async saveSuspect(): Promise<void> {
    await this.page.getByTestId('person-submit').click();
  }

  personRow(name: string) {
    return this.page.locator('tr', { hasText: name });
  }
}
