import type { Role } from "@/server/auth/roles";

/**
 * The sub-pages of Manage, in tab order: the one place a new tab is added.
 * Plain data, so the server layout, the redirect and the client tab bar all
 * read it.
 */
export const MANAGE_TABS = [
  {
    slug: "general",
    label: "General",
    description: "The workspace's time zone, in which every report counts its days and hours.",
    editors: ["admin"],
  },
  {
    slug: "whatsapp",
    label: "WhatsApp",
    description: "The workspace name and the WhatsApp number whose webhook deliveries land here.",
    editors: ["admin"],
  },
  {
    slug: "prices",
    label: "Prices",
    description: "The price per WhatsApp message of each pricing category, for campaign costs.",
    editors: ["admin"],
  },
  {
    slug: "api-keys",
    label: "API keys",
    description: "Keys that let your backend send events to ChatLens.",
    editors: ["admin"],
  },
  {
    slug: "members",
    label: "Members",
    description: "Who belongs to this workspace, and with which role.",
    editors: ["admin"],
  },
  {
    slug: "tags",
    label: "Tags",
    description: "The tag catalogue: categories, first-message tags, archived tags.",
    editors: ["admin", "marketer"],
  },
  {
    slug: "attributes",
    label: "Attributes",
    description: "The typed attributes contacts can have, up to 20 per workspace.",
    editors: ["admin", "marketer"],
  },
  {
    slug: "import",
    label: "Import",
    description: "Add or update contacts from a CSV file.",
    editors: ["admin", "marketer"],
  },
] as const satisfies ReadonlyArray<{ slug: string; label: string; description: string; editors: readonly Role[] }>;

export type ManageTabSlug = (typeof MANAGE_TABS)[number]["slug"];

/**
 * Where `/manage` on its own lands: the first tab the person's role can
 * change (an admin's General, a marketer's Tags); a role that changes nothing
 * here reads the tag catalogue, the tab people look things up in.
 */
export function firstTabFor(role: Role): ManageTabSlug {
  return MANAGE_TABS.find((t) => (t.editors as readonly Role[]).includes(role))?.slug ?? "tags";
}

export function manageTab(slug: ManageTabSlug) {
  return MANAGE_TABS.find((t) => t.slug === slug)!;
}

export function manageHref(workspaceId: string, slug: ManageTabSlug): string {
  return `/w/${encodeURIComponent(workspaceId)}/manage/${slug}`;
}

/** Whether `role` may change what the tab manages (everyone may look). */
export function canEdit(slug: ManageTabSlug, role: Role): boolean {
  return (manageTab(slug).editors as readonly Role[]).includes(role);
}
