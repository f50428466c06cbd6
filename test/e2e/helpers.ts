import type { Page } from "@playwright/test";

/** The demo accounts `npm start` loads; all share one password. */
export const PASSWORD = "chatlens-demo";
export const ADMIN = "admin@demo.chatlens.dev";
export const MARKETER = "marketer@demo.chatlens.dev";
export const MANAGER = "manager@demo.chatlens.dev";
export const ANALYST = "analyst@demo.chatlens.dev";

/** Signs in and lands on `next`, the way a shared link would; plain `/signin` lands on the first workspace. */
export async function signIn(page: Page, email = ADMIN, password = PASSWORD, next = "/w/demo/overview") {
  await page.goto(next ? `/signin?callbackUrl=${encodeURIComponent(next)}` : "/signin");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}
