/** The sections of a workspace, in sidebar order. */
export const SECTIONS = [
  {
    slug: "overview",
    label: "Overview",
    audience: "Everyone",
    summary: "Contacts by status, open unresolved queries, campaigns sent and message volume at a glance.",
  },
  {
    slug: "contacts",
    label: "Contacts",
    audience: "For analysts",
    summary:
      "Open any contact’s chat profile — status, last active, tags, attributes and campaigns — and read their customer journey event by event, with who did what.",
  },
  {
    slug: "segments",
    label: "Segments",
    audience: "For marketers",
    summary:
      "Build targeted segments from tags, first-message tags, attributes, source and behaviour, watch the audience size update live, then save them or export them for a broadcast.",
  },
  {
    slug: "campaigns",
    label: "Campaigns",
    audience: "For managers",
    summary:
      "Review each campaign’s funnel from sent to delivered, read and replied, compare read versus ignored, and see which audiences read it.",
  },
  {
    slug: "unresolved",
    label: "Unresolved queries",
    audience: "For analysts",
    summary:
      "Study the queries the chatbot could not answer: when people asked for a human, how often, and which chats are still waiting for an agent.",
  },
  {
    slug: "manage",
    label: "Manage",
    audience: "For admins and marketers",
    summary:
      "Keep the tag catalogue and up to 20 attribute definitions, import contacts from CSV, and look after members and API keys.",
  },
] as const;

export type SectionSlug = (typeof SECTIONS)[number]["slug"];

export function sectionBySlug(slug: SectionSlug) {
  return SECTIONS.find((s) => s.slug === slug)!;
}

/** The section a `/w/<workspace>/<section>/…` path is in; overview when it names none. */
export function sectionFromPath(pathname: string): SectionSlug {
  const slug = pathname.split("/")[3];
  return SECTIONS.find((s) => s.slug === slug)?.slug ?? "overview";
}
