import type { Locator, Page } from 'playwright-core';

/**
 * Opens an antd Select and picks the option labelled `text`: by its exact title when the label is
 * text ("克" must not pick "毫克"), else the first option containing it. Types first when asked.
 */
export async function pickOption(
  page: Page,
  select: Locator,
  text: string,
  type = false,
): Promise<void> {
  await select.click();
  if (type) await page.keyboard.type(text);
  const options = page.locator(
    '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
  );
  await options.first().waitFor();
  const exact = options.and(page.locator(`[title="${text}"]`));
  await ((await exact.count()) > 0 ? exact : options.filter({ hasText: text })).first().click();
}
