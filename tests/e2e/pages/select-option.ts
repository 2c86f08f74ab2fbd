import type { Locator, Page } from 'playwright-core';

/**
 * Opens an antd Select and picks the option labelled `text`: by its exact title when the label is
 * text ("克" must not pick "毫克"), else the first option containing it. Types first when asked.
 *
 * The options are looked up in the dropdown this select owns (its combobox's `aria-controls`
 * listbox): the previous select's dropdown may still be fading out and list the same entities.
 */
export async function pickOption(
  page: Page,
  select: Locator,
  text: string,
  type = false,
): Promise<void> {
  await select.click();
  if (type) await page.keyboard.type(text);
  const combobox = select.locator('input[role="combobox"]').first();
  const listId = await combobox.getAttribute('aria-controls');
  const dropdown = listId
    ? page.locator(`.ant-select-dropdown:has([id="${listId}"])`)
    : page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  const options = dropdown.locator('.ant-select-item-option');
  await options.first().waitFor();
  const exact = options.and(page.locator(`[title="${text}"]`));
  await ((await exact.count()) > 0 ? exact : options.filter({ hasText: text })).first().click();
  await dropdown.locator('.ant-select-item-option').first().waitFor({ state: 'hidden' });
}
