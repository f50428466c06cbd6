/**
 * The demo workspaces: who signs in, the tag and attribute catalogues, the
 * agents, the campaigns and what customers write about. Pure data; the
 * generator (./generator.ts) turns it into events and ./seed.ts stores it.
 * The workspaces' data: ./retail.ts, ./clinic.ts, ./countries.ts.
 */
import type { Role } from "../auth/roles";
import type { Actor } from "../events/schema";
// The workspaces themselves live in ./retail.ts and ./clinic.ts; they import only the types below, so there is no load cycle.
import { DEMO_CLINIC } from "./clinic";
import { DEMO_RETAIL } from "./retail";

export const DEMO_PASSWORD = "chatlens-demo";

export interface DemoUser {
  userId: string;
  email: string;
  name: string;
  /** Role per workspace id. */
  roles: Record<string, Role>;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { userId: "user_demo_admin", email: "admin@demo.chatlens.dev", name: "Aarav Shah", roles: { demo: "admin", "demo-clinic": "admin" } },
  { userId: "user_demo_marketer", email: "marketer@demo.chatlens.dev", name: "Maya Kapoor", roles: { demo: "marketer" } },
  { userId: "user_demo_manager", email: "manager@demo.chatlens.dev", name: "Rohan Iyer", roles: { demo: "manager" } },
  { userId: "user_demo_analyst", email: "analyst@demo.chatlens.dev", name: "Sara Thomas", roles: { demo: "analyst" } },
];

/** Attribute types the demo uses; `list` is "one of a list" (its `options`). */
export type DemoAttributeType = "email" | "list" | "text" | "date" | "number" | "boolean";

export interface DemoAttribute {
  name: string;
  type: DemoAttributeType;
  options: string[];
}

export interface DemoTag {
  tag: string;
  category: string;
  /** A first-message tag: contacts whose first message starts with this text get the tag (ingestion derives it). */
  firstMessageText?: string;
}

export interface DemoAgent extends Actor {
  kind: "agent";
  id: string;
  name: string;
  /** Working hours in UTC, [start, end) in hours; end may pass 24. */
  shiftUtc: [number, number];
}

export interface DemoCountry {
  name: string;
  dial: string;
  /** Leading digits of a mobile number after the country code, and how many digits follow the dial code in all. */
  mobilePrefixes: string[];
  nationalDigits: number;
  weight: number;
  utcOffsetHours: number;
  cities: string[];
  emailDomains: string[];
  firstNames: string[];
  lastNames: string[];
}

export interface AudienceSpec {
  /** Contacts that have any of these tags (first-message, automated or manual). */
  tags?: string[];
  countries?: string[];
  /** Values of the workspace's list attribute named by `listAttribute`. */
  plans?: string[];
  /** Import labels. */
  sources?: string[];
  /** Share of the matching, opted-in contacts that receive it. */
  share: number;
}

export interface DemoCampaign {
  slug: string;
  name: string;
  template: string;
  category: "marketing" | "utility";
  kind: "broadcast" | "api";
  /** Broadcasts: sent this many days before `now`, at this UTC hour. API campaigns: went live then. */
  daysAgo: number;
  hourUtc: number;
  audience?: AudienceSpec;
  /** Base read rate before audience and hour-of-day effects. */
  readRate: number;
  /** Share of readers who reply. */
  replyRate: number;
  /** Tag (interest) whose holders read it more. */
  interest?: string;
}

export interface TransactionChain {
  name: string;
  weight: number;
  steps: Array<{ campaign: string; afterHours: [number, number]; p?: number }>;
}

export interface ConversationTopic {
  key: string;
  weight: number;
  /** Contacts with this tag bring this topic up more. */
  interest?: string;
  openings: string[];
  botReplies: string[];
  followUps: string[];
  /** Probability the bot cannot help and the user asks for a human. */
  escalate: number;
  /** What the user asked that the bot could not answer (`{n}` becomes an order or booking number). */
  questions: string[];
  agentReplies: string[];
  /** Manual tag an agent adds when the chat is about this. */
  agentTag?: string;
}

export interface ImportBatch {
  label: string;
  file: string;
  daysAgo: number;
  weight: number;
  /** Attributes an import fills. */
  attributes: string[];
}

export interface DemoAd {
  source_id: string;
  headline: string;
  body: string;
  source_url: string;
  /** Pre-filled text of the ad's chat button, if it has one. */
  text: string;
}

export interface DemoWorkspace {
  workspaceId: string;
  name: string;
  phoneNumberId: string;
  /** The workspace's time zone: both demo businesses are in India. */
  timeZone: string;
  /** Contacts the workspace gets at size `default`; other sizes scale it. */
  contactsShare: number;
  tags: DemoTag[];
  attributes: DemoAttribute[];
  /** The list attribute that audiences call `plans`. */
  listAttribute: string;
  agents: DemoAgent[];
  bot: Actor;
  apiActor: Actor;
  /** Members who send broadcasts, import CSVs and tag contacts. */
  members: Actor[];
  countries: DemoCountry[];
  organisations: string[];
  /** How contacts arrive, as weights. */
  arrivals: { organic: number; ad: number; entryPoint: number; api: number; imported: number };
  imports: ImportBatch[];
  ads: DemoAd[];
  campaigns: DemoCampaign[];
  /** The API campaign every API-created contact gets first. */
  welcomeCampaign?: string;
  transactions: TransactionChain[];
  /** Mean transactions per API-sourced contact over 90 days (others: a quarter of it). */
  transactionsPerContact: number;
  /** Tag the API adds on a contact's first transaction. */
  customerTag?: string;
  topics: ConversationTopic[];
  replies: { positive: string[]; question: string[]; stop: string[] };
  /** Manual tags members hand out in reviews (VIP, churn risk). */
  reviewTags: { vip?: string; churnRisk?: string; lead?: string; wholesale?: string };
}

export { DEMO_CLINIC, DEMO_RETAIL };
export const DEMO_WORKSPACES: readonly DemoWorkspace[] = [DEMO_RETAIL, DEMO_CLINIC];
