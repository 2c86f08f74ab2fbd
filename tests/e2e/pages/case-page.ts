import type { Page } from 'playwright-core';
import { pickOption } from './select-option';

export class CasePage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByTestId('case-title-heading');
  }

  async openTab(label: RegExp | string): Promise<void> {
    const tab = this.page.getByRole('tab', { name: label });
    await tab.click();
    // Until the tab is selected, the previous panel is the visible one.
    await this.page.getByRole('tab', { name: label, selected: true }).waitFor();
  }

  async addSuspect(values: { name: string; idNumber?: string }): Promise<void> {
    await this.page.getByTestId('add-suspect').click();
    await this.page.getByTestId('person-name').fill(values.name);
    if (values.idNumber) {
      await this.page.getByTestId('person-id-number').fill(values.idNumber);
      await this.page.getByTestId('person-id-number').blur();
    }
  }

  async saveSuspect(): Promise<void> {
    await this.page.getByTestId('person-submit').click();
    await this.page.getByTestId('person-submit').waitFor({ state: 'detached' });
  }

  personRow(name: string) {
    return this.page.locator('tr', { hasText: name });
  }

  /** Identifiers tab → new entity of a kind; returns when the form closes or shows an error. */
  async addIdentifier(kindLabel: string, fill: () => Promise<void>): Promise<void> {
    await this.page.getByTestId('add-phone').click();
    await pickOption(this.page, this.page.getByTestId('entity-kind'), kindLabel);
    await fill();
    await this.page.getByTestId('entity-submit').click();
  }

  async addRelation(from: string, typeLabel: string, to: string): Promise<void> {
    await this.page.getByTestId('relation-add').click();
    await pickOption(this.page, this.page.getByTestId('relation-from'), from);
    await pickOption(this.page, this.page.getByTestId('relation-type'), typeLabel, true);
    await pickOption(this.page, this.page.getByTestId('relation-to'), to);
    await this.page.getByTestId('relation-submit').click();
    await this.page.getByTestId('relation-submit').waitFor({ state: 'detached' });
  }

  async addSeizure(values: { drug: string; quantity: string; unitLabel: string }): Promise<string> {
    await this.page.getByTestId('seizure-add').click();
    await pickOption(this.page, this.page.getByTestId('seizure-drug'), values.drug, true);
    await this.page.getByTestId('seizure-quantity').fill(values.quantity);
    await pickOption(this.page, this.page.getByTestId('seizure-unit'), values.unitLabel);
    const normalised = await this.page.getByTestId('seizure-normalised').innerText();
    await this.page.getByTestId('seizure-submit').click();
    await this.page.getByTestId('seizure-submit').waitFor({ state: 'detached' });
    return normalised;
  }
}
