import type { Page } from 'playwright-core';
import { pickOption } from './select-option';

/** The page's document, as far as `waitStable` uses it (tests compile without the DOM library). */
declare const document: {
  querySelector(selector: string): { dataset: Record<string, string | undefined> } | null;
};

export type Positions = Record<string, { x: number; y: number }>;

export class GraphPage {
  constructor(private readonly page: Page) {}

  canvas() {
    return this.page.getByTestId('graph-canvas');
  }

  /** How many times the chart has been laid out and drawn. */
  async layoutCount(): Promise<number> {
    return Number((await this.canvas().getAttribute('data-layouts')) ?? 0);
  }

  /** Waits until the chart has been laid out more than `after` times and is stable. */
  async waitStable(after = 0): Promise<void> {
    await this.page.waitForFunction(
      (count) => {
        const canvas = document.querySelector('[data-testid=graph-canvas]');
        return (
          canvas?.dataset['stable'] === 'true' && Number(canvas.dataset['layouts'] ?? 0) > count
        );
      },
      after,
      { timeout: 30_000 },
    );
  }

  /** Waits until the labels of the last layout are chosen (the declutter has looked at it). */
  async waitLabelled(): Promise<void> {
    await this.page.waitForFunction(() => {
      const canvas = document.querySelector('[data-testid=graph-canvas]');
      return (
        canvas?.dataset['labelled'] !== undefined &&
        canvas.dataset['labelled'] === canvas.dataset['layouts']
      );
    });
  }

  async positions(): Promise<Positions> {
    return JSON.parse((await this.canvas().getAttribute('data-positions')) ?? '{}') as Positions;
  }

  /** Where an entity is on the screen, from the chart's published positions and view. */
  async entityPoint(entityId: string): Promise<{ x: number; y: number }> {
    const box = (await this.canvas().boundingBox())!;
    const view = JSON.parse((await this.canvas().getAttribute('data-view'))!) as {
      scale: number;
      position: { x: number; y: number };
    };
    const position = (await this.positions())[entityId]!;
    return {
      x: box.x + box.width / 2 + (position.x - view.position.x) * view.scale,
      y: box.y + box.height / 2 + (position.y - view.position.y) * view.scale,
    };
  }

  /** Draws a relation by dragging from one entity to another in drawing mode. */
  async drawRelation(fromId: string, toId: string): Promise<void> {
    await this.page.getByTestId('graph-draw').click();
    const from = await this.entityPoint(fromId);
    const to = await this.entityPoint(toId);
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
    await this.page.mouse.move(to.x, to.y, { steps: 5 });
    await this.page.mouse.up();
  }

  async stats(): Promise<string> {
    return this.page.getByTestId('graph-stats').innerText();
  }

  async chooseLayout(name: string): Promise<void> {
    const before = await this.layoutCount();
    await this.page.getByTestId('graph-layouts').getByText(name, { exact: true }).click();
    await this.waitStable(before);
  }

  async findPath(from: string, to: string): Promise<string[]> {
    await pickOption(this.page, this.page.getByTestId('path-from'), from, true);
    await pickOption(this.page, this.page.getByTestId('path-to'), to, true);
    await this.page.getByTestId('path-find').click();
    const results = this.page.getByTestId('path-results').locator('.ant-list-item');
    await results.first().waitFor();
    return results.allInnerTexts();
  }

  async openTab(name: string): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  /** Centres the entity on the canvas (find on chart) and right-clicks it. */
  async rightClickEntity(label: string): Promise<void> {
    await pickOption(this.page, this.page.getByTestId('graph-find'), label, true);
    // The focus animation takes 400 ms.
    await this.page.waitForTimeout(600);
    const box = (await this.canvas().boundingBox())!;
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'right' });
    await this.page.getByTestId('graph-context-menu').waitFor();
  }

  async menu(item: string): Promise<void> {
    await this.page.getByTestId('graph-context-menu').getByRole('menuitem', { name: item }).click();
  }

  async saveView(name: string): Promise<void> {
    await this.page.getByTestId('graph-save-view').click();
    await this.page.getByTestId('view-name').fill(name);
    await this.page.getByTestId('save-view-submit').click();
    await this.page.getByText('视图已保存').waitFor();
  }
}
