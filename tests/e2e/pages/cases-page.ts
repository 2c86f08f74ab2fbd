import type { Page } from 'playwright-core';

export class CasesPage {
  constructor(private readonly page: Page) {}

  async createCase(values: { caseNo: string; title: string }): Promise<void> {
    await this.page.getByTestId('case-create').click();
    await this.page.getByTestId('case-no').fill(values.caseNo);
    await this.page.getByTestId('case-title').fill(values.title);
    await this.page.getByTestId('case-create-submit').click();
  }

  caseLink(caseNo: string) {
    return this.page.getByRole('link', { name: caseNo });
  }

  rowOf(caseNo: string) {
    return this.page.locator('tr', { has: this.caseLink(caseNo) });
  }
}
