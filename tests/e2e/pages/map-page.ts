import type { Page } from 'playwright-core';
import { pickOption } from './select-option';

/** The map view: case and period filters, the ECharts SVG, export buttons. */
export class MapPage {
  constructor(private readonly page: Page) {}

  async chooseCase(caseNo: string): Promise<void> {
    await pickOption(this.page, this.page.getByTestId('map-case'), caseNo, true);
  }

  /** Back to every case: the select's clear button. */
  async clearCase(): Promise<void> {
    const select = this.page.getByTestId('map-case');
    await select.hover();
    await select.locator('.ant-select-clear').click();
  }

  /** Waits until the map's SVG draws text containing `text` (a province, a flow label). */
  async waitForText(text: string): Promise<void> {
    await this.page
      .getByTestId('map-chart')
      .locator('svg text', { hasText: text })
      .first()
      .waitFor();
  }

  /** Every text the map's SVG draws, in document order. */
  async drawnTexts(): Promise<string[]> {
    return this.page.getByTestId('map-chart').locator('svg text').allTextContents();
  }

  /** Exports through the dialog: format, then (optionally) the classification mark. */
  async export(format: 'SVG' | 'PNG' | 'PDF', classification?: string) {
    await this.page.getByTestId('map-export').click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByTestId('print-format').getByText(format, { exact: false }).click();
    if (classification)
      await pickOption(this.page, dialog.getByTestId('print-classification'), classification);
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('print-export-submit').click();
    return download;
  }
}
