import type { Locator, Page } from 'playwright-core';

/** The frame around every screen: header with the year picker, the navbar of areas. */
export class AppShellPage {
  readonly navbar: Locator;
  readonly yearPicker: Locator;
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.navbar = page.getByRole('navigation', { name: '功能区' });
    this.yearPicker = page.getByRole('banner').getByLabel('预算年度');
    this.main = page.getByRole('main');
  }

  async areaNames(): Promise<string[]> {
    return this.navbar.getByRole('button').allInnerTexts();
  }

  async openArea(name: string): Promise<void> {
    await this.navbar.getByRole('button', { name, exact: true }).click();
  }

  async chooseYear(year: number): Promise<void> {
    await this.yearPicker.click();
    await this.page.getByRole('option', { name: new RegExp(`^${year} 年度`) }).click();
  }

  async currentYear(): Promise<string> {
    return this.yearPicker.inputValue();
  }

  heading(text: string): Locator {
    return this.main.getByRole('heading', { name: text });
  }
}

/** Picks an option in a Mantine Select by its label text (typing first when the select is searchable). */
export async function pickOption(page: Page, select: Locator, option: string, options: { type?: boolean } = {}): Promise<void> {
  if (options.type) await select.fill(option);
  else await select.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The message Mantine shows under an input (its error element is named in aria-describedby). */
export async function fieldError(input: Locator): Promise<string | null> {
  const ids = (await input.getAttribute('aria-describedby'))?.split(/\s+/) ?? [];
  const errorId = ids.find((id) => id.endsWith('-error'));
  if (!errorId) return null;
  return input.page().locator(`[id="${errorId}"]`).innerText();
}
