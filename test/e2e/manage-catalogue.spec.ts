import { expect, test } from "@playwright/test";
import { ADMIN, ANALYST, PASSWORD, signIn } from "./helpers";

// Unique per run, so reruns against the same data never collide.
const stamp = Date.now();

test("an admin creates a first-message tag, and a new chat opening with its text gets it", async ({ page, request }) => {
  const name = `Launch ${stamp}`;
  const text = `Hi, tell me about the launch ${stamp}`;
  await signIn(page, ADMIN, PASSWORD, "/w/demo/manage/tags");
  await expect(page.getByRole("navigation", { name: "Manage" }).getByRole("link", { name: "Tags" })).toHaveAttribute("aria-current", "page");
  // The demo catalogue is listed with its contact counts.
  await expect(page.getByRole("rowheader", { name: "Product A", exact: true })).toBeVisible();

  const form = page.getByRole("form", { name: "Create a tag" });
  const creates: string[] = [];
  page.on("request", (r) => void (r.url().includes("tags.create") && creates.push(r.url())));
  // The limit shows while typing, and a name over it is refused, never cut: by the server's rule, checked in the browser.
  await form.getByLabel("Tag name").fill("x".repeat(61));
  await expect(form.getByText("61 / 60 — 1 too many")).toBeVisible();
  await form.getByRole("button", { name: "Create tag" }).click();
  await expect(form.getByText("A tag name has at most 60 characters.")).toBeVisible();
  await expect(form.getByLabel("Tag name")).toHaveValue("x".repeat(61));
  await expect(form.getByLabel("Tag name")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Tag name")).toHaveAccessibleDescription(/at most 60 characters/);
  expect(creates, "refused in the browser, without a round trip").toEqual([]);
  await form.getByLabel("Tag name").fill(name);
  await form.getByLabel("Category").fill("Interest");
  await form.getByLabel("First-message tag").check();
  await form.getByRole("button", { name: "Create tag" }).click();
  await expect(form.getByText("Paste the pre-filled message")).toBeVisible();
  await form.getByLabel("Pre-filled message text").fill(text);
  await form.getByRole("button", { name: "Create tag" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Created “${name}”.` })).toBeVisible();

  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
  await expect(row).toContainText("First-message tag");
  await expect(row).toContainText(text);
  await expect(row.getByRole("cell").nth(2)).toHaveText("0");

  // A new chat whose first message starts with the text (sent with an API key, as a backend would) gets the tag.
  const phone = `+9198${String(stamp % 100_000_000).padStart(8, "0")}`;
  await page.goto("/w/demo/manage/api-keys");
  await page.getByLabel("Key name").fill(`e2e catalogue ${stamp}`);
  await page.getByRole("button", { name: "Create key" }).click();
  const token = await page.getByRole("region", { name: /Your new key/ }).getByLabel("API key").inputValue();
  const sent = await request.post("/api/v1/events", {
    headers: { authorization: `Bearer ${token}` },
    data: [{ event_id: `e2e-first-${stamp}`, type: "message.inbound", contact: phone, ts: new Date().toISOString(), text: `${text}, please` }],
  });
  expect(await sent.json()).toMatchObject({ stored: 1 });

  await page.goto("/w/demo/manage/tags");
  await expect(row.getByRole("cell").nth(2)).toHaveText("1");

  // Renamed, it keeps its contacts; archived, it moves to the archived list and can come back.
  await row.getByRole("button", { name: `Edit tag ${name}` }).click();
  const edit = page.getByRole("form", { name: `Edit tag ${name}` });
  await edit.getByLabel("Tag name").fill(`${name} (renamed)`);
  await edit.getByRole("button", { name: "Save tag" }).click();
  const renamed = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: `${name} (renamed)` }) });
  await expect(renamed).toContainText(`key: ${name}`);
  await expect(renamed.getByRole("cell").nth(2)).toHaveText("1");
  await renamed.getByRole("button", { name: `Archive tag ${name} (renamed)` }).click();
  const archived = page.getByRole("table", { name: /Archived tags/ });
  await expect(archived.getByRole("rowheader", { name: `${name} (renamed)` })).toBeVisible();
  await archived.getByRole("button", { name: `Unarchive tag ${name} (renamed)` }).click();
  await expect(page.getByRole("table", { name: /Archived tags/ })).toHaveCount(0);
});

test("an admin creates a one-of-a-list attribute and sees the limit", async ({ page }) => {
  const label = `Tier ${stamp}`;
  await signIn(page, ADMIN, PASSWORD, "/w/demo/manage/attributes");
  await expect(page.getByText(/\d+ of 20 in use/)).toBeVisible();
  await expect(page.getByRole("rowheader", { name: /^Plan/ })).toBeVisible();

  const form = page.getByRole("form", { name: "Create an attribute" });
  await form.getByLabel("Attribute name").fill(label);
  await expect(form.getByLabel("Key")).toHaveAttribute("placeholder", `tier_${stamp}`);
  await form.getByLabel("Type").selectOption({ label: "One of a list" });
  await form.getByLabel("Options").fill("Gold\nSilver\ngold");
  await form.getByRole("button", { name: "Create attribute" }).click();
  await expect(form.getByText("“gold” is listed twice.")).toBeVisible();
  await form.getByLabel("Options").fill("Gold\nSilver\nBronze");
  await form.getByRole("button", { name: "Create attribute" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Created the attribute tier_${stamp}.` })).toBeVisible();

  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${label}`) }) });
  await expect(row).toContainText("One of a list");
  await expect(row).toContainText("Silver");
  await expect(row.getByRole("cell").nth(2)).toHaveText("0");
  // Archived so reruns stay under the limit of the shared demo workspace.
  await row.getByRole("button", { name: `Archive attribute ${label}` }).click();
  await expect(page.getByRole("table", { name: /Archived attributes/ }).getByRole("rowheader", { name: new RegExp(`^${label}`) })).toBeVisible();
});

test("an admin invites a new member, sees the temporary password once, and that person signs in with it and chooses their own", async ({ page, browser, baseURL }) => {
  const email = `new.analyst.${stamp}@example.com`;
  await signIn(page, ADMIN, PASSWORD, "/w/demo/manage/members");
  await expect(page.getByRole("rowheader", { name: /Aarav Shah/ })).toContainText("(you)");

  const form = page.getByRole("form", { name: "Invite a member" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Name (for a new account)").fill("Nina Rao");
  await form.getByLabel("Role").selectOption("analyst");
  await form.getByRole("button", { name: "Invite" }).click();
  const box = page.getByRole("region", { name: `Account created for ${email}` });
  await expect(box).toContainText("It is shown only now");
  const password = await box.getByLabel("Temporary password").inputValue();
  expect(password).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Nina Rao" }) });
  await expect(row.getByLabel(`Role of ${email}`)).toHaveValue("analyst");

  // The last admin cannot step down.
  await page.getByLabel("Role of admin@demo.chatlens.dev").selectOption("marketer");
  await expect(page.getByRole("alert").filter({ hasText: "is the only admin of this workspace" })).toBeVisible();
  await expect(page.getByLabel("Role of admin@demo.chatlens.dev")).toHaveValue("admin");

  await box.getByRole("button", { name: "I have passed it on" }).click();
  await page.reload();
  expect(await page.content()).not.toContain(password);

  const otherContext = await browser.newContext({ baseURL });
  const other = await otherContext.newPage();
  await signIn(other, email, password, "/w/demo/manage/members");
  // The temporary password is replaced first, then the page asked for opens.
  await expect(other.getByRole("heading", { level: 1, name: "Choose your password" })).toBeVisible();
  const choose = other.getByRole("form", { name: "Change your password" });
  await choose.getByLabel("Temporary password").fill(password);
  await choose.getByLabel("New password", { exact: true }).fill("nina's own passphrase");
  await choose.getByLabel("New password again").fill("nina's own passphrase");
  await choose.getByRole("button", { name: "Change password" }).click();
  await expect(other).toHaveURL(/\/w\/demo\/manage\/members$/);
  await expect(other.getByText("Only admins invite members")).toBeVisible();
  await otherContext.close();

  // Removing asks first.
  await row.getByRole("button", { name: `Remove ${email}` }).click();
  await page.getByRole("group", { name: `Remove ${email}` }).getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByRole("rowheader", { name: "Nina Rao" })).toHaveCount(0);
});

test("an analyst reads tags, attributes and members without a way to change them", async ({ page }) => {
  await signIn(page, ANALYST, PASSWORD, "/w/demo/manage/tags");
  await expect(page.getByText("Admins and marketers change the catalogue.")).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Product A", exact: true })).toBeVisible();
  await expect(page.getByRole("form", { name: "Create a tag" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^(Edit|Archive) tag/ })).toHaveCount(0);

  await page.getByRole("navigation", { name: "Manage" }).getByRole("link", { name: "Attributes" }).click();
  await expect(page.getByText("Admins and marketers change the attributes.")).toBeVisible();
  await expect(page.getByRole("rowheader", { name: /^Plan/ })).toBeVisible();
  await expect(page.getByRole("form", { name: "Create an attribute" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^(Edit|Archive) attribute/ })).toHaveCount(0);

  await page.getByRole("navigation", { name: "Manage" }).getByRole("link", { name: "Members" }).click();
  await expect(page.getByText("Only admins invite members, change roles or remove someone.")).toBeVisible();
  await expect(page.getByRole("rowheader", { name: /Sara Thomas/ })).toContainText("(you)");
  await expect(page.getByRole("form", { name: "Invite a member" })).toHaveCount(0);
  await expect(page.getByLabel(/^Role of /)).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
});
