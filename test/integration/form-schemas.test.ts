import { describe, expect, it } from "vitest";
import { attributeCreateFormSchema } from "@/components/manage/attributes/attribute-form-schema";
import { tagFormSchema } from "@/components/manage/tags/tag-form-schema";
import { appRouter } from "@/server/routers/_app";
import { changePasswordInput } from "@/server/schemas/account";
import { apiKeyCreateInput } from "@/server/schemas/api-keys";
import { attributeCreateInput, attributeUpdateInput } from "@/server/schemas/attributes";
import { inviteInput } from "@/server/schemas/members";
import { segmentSaveInput, segmentUploadInput } from "@/server/schemas/segments";
import { pricesInput, timeZoneInput, workspaceSettingsInput } from "@/server/schemas/settings";
import { tagCreateInput, tagUpdateInput } from "@/server/schemas/tags";
import { callerFor, createTestWorkspace } from "../helpers/factories";
import { useTestStore } from "../helpers/store";
import { trpcError } from "../helpers/trpc-error";

/**
 * The forms check the server's own schemas (server/schemas/*), so a rule is
 * written once: each procedure takes the very schema a form imports, and the
 * same bad value is refused, with the same words, in the browser and by the server.
 */

const store = useTestStore();

const inputsOf = (path: string) => (appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[] } }>)[path]._def.inputs;

describe("forms and procedures share one schema", () => {
  it.each([
    ["tags.create", tagCreateInput],
    ["tags.update", tagUpdateInput],
    ["attributes.create", attributeCreateInput],
    ["attributes.update", attributeUpdateInput],
    ["members.invite", inviteInput],
    ["apiKeys.create", apiKeyCreateInput],
    ["account.changePassword", changePasswordInput],
    ["segments.save", segmentSaveInput],
    ["segments.upload", segmentUploadInput],
    ["settings.update", workspaceSettingsInput],
    ["settings.setTimeZone", timeZoneInput],
    ["settings.setPrices", pricesInput],
  ] as const)("%s takes the schema its form imports", (path, schema) => {
    expect(inputsOf(path)).toContain(schema);
  });
});

describe("the same bad value is refused by the form and by the server", () => {
  async function admin() {
    const ws = await createTestWorkspace(store(), { members: [{ role: "admin" }] });
    return { workspaceId: ws.workspaceId, caller: callerFor(store(), ws.members[0].userId) };
  }

  /** The form's first message for `field`, as the browser shows it under the field. */
  function formMessage(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }, field: string) {
    expect(result.success).toBe(false);
    return result.error!.issues.find((i) => i.path.join(".") === field)?.message;
  }

  it("a 61-character tag name", async () => {
    const { workspaceId, caller } = await admin();
    const name = "x".repeat(61);
    const inBrowser = formMessage(tagFormSchema.safeParse({ name, category: "", isFirstMessage: false, firstMessageText: "" }), "name");
    expect(inBrowser).toBe("a tag name has at most 60 characters");
    expect((await trpcError(caller.tags.create({ workspaceId, name }))).message).toBe(`name: ${inBrowser}`);
  });

  it("an option listed twice", async () => {
    const { workspaceId, caller } = await admin();
    const inBrowser = formMessage(attributeCreateFormSchema.safeParse({ label: "Tier", name: "", type: "list", options: "Gold\nSilver\ngold" }), "options");
    expect(inBrowser).toBe("each option may appear only once: “gold” is listed twice");
    const server = await trpcError(caller.attributes.create({ workspaceId, label: "Tier", type: "list", options: ["Gold", "Silver", "gold"] }));
    expect(server.message).toBe(`options: ${inBrowser}`);
  });

  it("an email without a domain, and a phone number id with letters", async () => {
    const { workspaceId, caller } = await admin();
    const email = formMessage(inviteInput.safeParse({ email: "asha@", role: "analyst", name: "" }), "email");
    expect((await trpcError(caller.members.invite({ workspaceId, email: "asha@", role: "analyst" }))).message).toBe(`email: ${email}`);
    const phone = formMessage(workspaceSettingsInput.safeParse({ name: "Shop", phoneNumberId: "not-digits" }), "phoneNumberId");
    expect(phone).toMatch(/^use digits only/);
    expect((await trpcError(caller.settings.update({ workspaceId, name: "Shop", phoneNumberId: "not-digits" }))).message).toBe(`phoneNumberId: ${phone}`);
  });
});
