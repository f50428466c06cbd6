export interface ActorLike {
  kind: string;
  id: string;
  name: string;
}

const KIND_LABEL: Record<string, string> = {
  user: "The contact",
  bot: "Chatbot",
  agent: "An agent",
  member: "A team member",
  api: "API",
  system: "ChatLens",
};

/** Who did it, in words: the actor's name when the event carried one, else what kind of actor it was. */
export function actorLabel(actor: ActorLike, contactName?: string): string {
  if (actor.kind === "user") return contactName || actor.name || "The contact";
  if (actor.name) return actor.name;
  if (actor.kind === "system" && actor.id === "first-message-matcher") return "First-message rule";
  if (actor.kind === "system" && actor.id === "whatsapp") return "WhatsApp";
  return KIND_LABEL[actor.kind] ?? (actor.id || actor.kind);
}

/** "agent", "member", "API"…: the role beside a name, so "Priya" reads as "Priya · agent". */
export function actorRole(actor: ActorLike): string | null {
  switch (actor.kind) {
    case "agent":
      return "agent";
    case "member":
      return "team member";
    case "bot":
      return "chatbot";
    case "api":
      return "API";
    case "system":
      return "automatic";
    case "user":
      return "customer";
    default:
      return null;
  }
}

export const STATUS_LABEL: Record<string, string> = {
  active: "Active",
  requesting: "Requesting",
  intervened: "Intervened",
  closed: "Closed",
  history: "In history",
};

export const STATUS_HINT: Record<string, string> = {
  active: "The chatbot is handling the chat",
  requesting: "Asked for a human; no agent has taken it yet",
  intervened: "An agent has taken the chat",
  closed: "Resolved by an agent, back with the bot",
  history: "No conversation for more than 24 hours",
};

/** How a source reads: organic and api are ours, anything else is an import label. */
export function sourceLabel(source: string): string {
  if (source === "organic") return "Organic";
  if (source === "api") return "API campaign";
  if (!source) return "Unknown";
  return `Import: ${source}`;
}

export const ORIGIN_LABEL: Record<string, string> = {
  first_message: "first message",
  api: "API",
  broadcast: "broadcast",
  manual: "manual",
};
