/**
 * The demo workspaces: who signs in, the tag and attribute catalogues, the
 * agents, the campaigns and what customers write about. Pure data; the
 * generator (./generator.ts) turns it into events and ./seed.ts stores it.
 */
import type { Role } from "../auth/roles";
import type { Actor } from "../events/schema";

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

const INDIA: DemoCountry = {
  name: "India",
  dial: "91",
  mobilePrefixes: ["98", "99", "97", "96", "93", "90", "88", "87", "81", "79", "70", "63"],
  nationalDigits: 10,
  weight: 55,
  utcOffsetHours: 5.5,
  cities: ["Mumbai", "Bengaluru", "Delhi", "Hyderabad", "Pune", "Chennai", "Kolkata", "Ahmedabad", "Jaipur", "Kochi", "Lucknow", "Indore"],
  emailDomains: ["gmail.com", "gmail.com", "gmail.com", "yahoo.co.in", "outlook.com", "rediffmail.com"],
  firstNames: ["Aarav", "Vivaan", "Aditya", "Ananya", "Diya", "Isha", "Kabir", "Rohan", "Priya", "Neha", "Arjun", "Sneha", "Rahul", "Pooja", "Vikram", "Kavya", "Siddharth", "Meera", "Karan", "Tanvi", "Nikhil", "Riya", "Amit", "Shreya", "Harsh", "Lakshmi", "Manoj", "Divya", "Suresh", "Anjali"],
  lastNames: ["Sharma", "Verma", "Patel", "Iyer", "Reddy", "Nair", "Gupta", "Mehta", "Joshi", "Kapoor", "Singh", "Das", "Menon", "Rao", "Kulkarni", "Chopra", "Bose", "Pillai", "Agarwal", "Banerjee"],
};

const UAE: DemoCountry = {
  name: "United Arab Emirates",
  dial: "971",
  mobilePrefixes: ["50", "52", "54", "55", "56", "58"],
  nationalDigits: 9,
  weight: 12,
  utcOffsetHours: 4,
  cities: ["Dubai", "Abu Dhabi", "Sharjah", "Ajman"],
  emailDomains: ["gmail.com", "hotmail.com", "outlook.com", "yahoo.com"],
  firstNames: ["Omar", "Fatima", "Ahmed", "Aisha", "Yusuf", "Mariam", "Khalid", "Noura", "Hamdan", "Layla", "Rashid", "Sara"],
  lastNames: ["Al Mansoori", "Al Hashimi", "Khan", "Haddad", "Al Suwaidi", "Nasser", "Farouk", "Al Zaabi"],
};

const UK: DemoCountry = {
  name: "United Kingdom",
  dial: "44",
  mobilePrefixes: ["74", "75", "77", "78", "79"],
  nationalDigits: 10,
  weight: 8,
  utcOffsetHours: 0,
  cities: ["London", "Manchester", "Birmingham", "Leeds", "Glasgow", "Leicester"],
  emailDomains: ["gmail.com", "outlook.com", "btinternet.com", "yahoo.co.uk"],
  firstNames: ["Oliver", "Amelia", "Harry", "Isla", "Jack", "Ava", "George", "Emily", "Priya", "Sam", "Hannah", "Tom"],
  lastNames: ["Smith", "Jones", "Taylor", "Brown", "Williams", "Patel", "Evans", "Walker", "Wright", "Hughes"],
};

const US: DemoCountry = {
  name: "United States",
  dial: "1",
  mobilePrefixes: ["212", "310", "415", "646", "718", "312", "617", "206", "512", "404"],
  nationalDigits: 10,
  weight: 8,
  utcOffsetHours: -5,
  cities: ["New York", "San Francisco", "Los Angeles", "Chicago", "Austin", "Seattle", "Boston", "Atlanta"],
  emailDomains: ["gmail.com", "gmail.com", "yahoo.com", "icloud.com", "outlook.com"],
  firstNames: ["James", "Emma", "Michael", "Olivia", "David", "Sophia", "Daniel", "Mia", "Chris", "Ava", "Ravi", "Jessica"],
  lastNames: ["Johnson", "Miller", "Davis", "Garcia", "Martinez", "Lee", "Anderson", "Thomas", "Clark", "Shah"],
};

const SINGAPORE: DemoCountry = {
  name: "Singapore",
  dial: "65",
  mobilePrefixes: ["8", "9"],
  nationalDigits: 8,
  weight: 5,
  utcOffsetHours: 8,
  cities: ["Singapore"],
  emailDomains: ["gmail.com", "singnet.com.sg", "outlook.com"],
  firstNames: ["Wei Ling", "Jun Jie", "Hui Min", "Marcus", "Siti", "Arun", "Mei", "Darren", "Nur", "Kelvin"],
  lastNames: ["Tan", "Lim", "Lee", "Ng", "Wong", "Goh", "Chua", "Rahman", "Kumar"],
};

const INDONESIA: DemoCountry = {
  name: "Indonesia",
  dial: "62",
  mobilePrefixes: ["811", "812", "813", "821", "822", "852", "857", "878"],
  nationalDigits: 11,
  weight: 7,
  utcOffsetHours: 7,
  cities: ["Jakarta", "Surabaya", "Bandung", "Medan", "Denpasar"],
  emailDomains: ["gmail.com", "yahoo.co.id", "outlook.com"],
  firstNames: ["Putri", "Budi", "Dewi", "Agus", "Sari", "Rizky", "Ayu", "Fajar", "Indah", "Eko"],
  lastNames: ["Santoso", "Wijaya", "Saputra", "Hidayat", "Lestari", "Pratama", "Kusuma", "Nugroho"],
};

const BRAZIL: DemoCountry = {
  name: "Brazil",
  dial: "55",
  mobilePrefixes: ["119", "219", "319", "419", "519", "619"],
  nationalDigits: 11,
  weight: 5,
  utcOffsetHours: -3,
  cities: ["São Paulo", "Rio de Janeiro", "Belo Horizonte", "Curitiba", "Porto Alegre", "Brasília"],
  emailDomains: ["gmail.com", "hotmail.com", "uol.com.br", "outlook.com"],
  firstNames: ["Lucas", "Ana", "Gabriel", "Julia", "Pedro", "Mariana", "Rafael", "Beatriz", "Thiago", "Camila"],
  lastNames: ["Silva", "Santos", "Oliveira", "Souza", "Lima", "Costa", "Pereira", "Almeida", "Ferreira"],
};

const RETAIL_COUNTRIES = [INDIA, UAE, UK, US, SINGAPORE, INDONESIA, BRAZIL];

const agent = (id: string, name: string, shiftUtc: [number, number]): DemoAgent => ({ kind: "agent", id: `agent:${id}`, name, shiftUtc });

/** Acme Retail: a direct-to-consumer brand selling two product lines, mostly in India, with shoppers abroad. */
export const DEMO_RETAIL: DemoWorkspace = {
  workspaceId: "demo",
  name: "Acme Retail",
  phoneNumberId: process.env.CHATLENS_DEMO_PHONE_NUMBER_ID ?? "100000000000001",
  contactsShare: 1,
  tags: [
    { tag: "Product A", category: "Interest", firstMessageText: "Hi, I want to know more about Product A" },
    { tag: "Product B", category: "Interest", firstMessageText: "Hi, I want to know more about Product B" },
    { tag: "Summer Sale", category: "Interest", firstMessageText: "Hi, I saw the Summer Sale offer" },
    { tag: "Store visit", category: "Interest", firstMessageText: "Hi, I'd like to visit a store near me" },
    { tag: "Wholesale", category: "Interest" },
    { tag: "Lead", category: "Lifecycle" },
    { tag: "Customer", category: "Lifecycle" },
    { tag: "VIP", category: "Lifecycle" },
    { tag: "Churn risk", category: "Lifecycle" },
    { tag: "Refund requested", category: "Support" },
    { tag: "Delivery issue", category: "Support" },
    { tag: "Complaint", category: "Support" },
  ],
  attributes: [
    { name: "email", type: "email", options: [] },
    { name: "country", type: "list", options: RETAIL_COUNTRIES.map((c) => c.name) },
    { name: "city", type: "text", options: [] },
    { name: "plan", type: "list", options: ["Free", "Basic", "Premium", "Enterprise"] },
    { name: "organisation", type: "text", options: [] },
    { name: "signup_date", type: "date", options: [] },
    { name: "lifetime_value", type: "number", options: [] },
    { name: "opted_in", type: "boolean", options: [] },
  ],
  listAttribute: "plan",
  agents: [
    agent("priya", "Priya Sharma", [3, 11]), // 08:30–16:30 IST
    agent("arjun", "Arjun Mehta", [4, 12]),
    agent("fatima", "Fatima Khan", [6, 14]), // Dubai-based
    agent("daniel", "Daniel Okafor", [9, 17]), // London
    agent("mei", "Mei Tan", [1, 9]), // Singapore
    agent("lucas", "Lucas Silva", [12, 20]), // São Paulo
  ],
  bot: { kind: "bot", id: "bot:acme-assistant", name: "Acme Assistant" },
  apiActor: { kind: "api", id: "api-key:shopify", name: "Shopify integration" },
  members: [
    { kind: "member", id: "user_demo_marketer", name: "Maya Kapoor" },
    { kind: "member", id: "user_demo_admin", name: "Aarav Shah" },
  ],
  countries: RETAIL_COUNTRIES,
  organisations: ["Tata Consultancy", "Infosys", "Reliance Retail", "Emirates NBD", "Grab", "Tokopedia", "Nubank", "Barclays", "Shopify", "Zomato", "Swiggy", "Flipkart", "Accenture", "Wipro", "HDFC Bank"],
  arrivals: { organic: 22, ad: 12, entryPoint: 18, api: 22, imported: 26 },
  imports: [
    { label: "crm-export", file: "crm-export-2025.csv", daysAgo: 88, weight: 4, attributes: ["email", "country", "city", "plan", "signup_date"] },
    { label: "expo-2026", file: "expo-2026-leads.csv", daysAgo: 61, weight: 3, attributes: ["email", "country", "organisation"] },
    { label: "newsletter", file: "newsletter-subscribers.csv", daysAgo: 34, weight: 2, attributes: ["email", "opted_in"] },
  ],
  ads: [
    { source_id: "120210845530900123", headline: "Summer Sale — up to 40% off", body: "Tap to chat and get your coupon on WhatsApp.", source_url: "https://fb.me/acme-summer-sale", text: "Hi, I saw the Summer Sale offer" },
    { source_id: "120210845530900456", headline: "Meet Product A", body: "Lighter, faster, made to last. Ask us anything.", source_url: "https://fb.me/acme-product-a", text: "Hi, I want to know more about Product A" },
    { source_id: "120210845530900789", headline: "Product B is here", body: "Pre-order on WhatsApp in two taps.", source_url: "https://instagram.com/p/acme-product-b", text: "Hello! Can I get more info on this?" },
  ],
  campaigns: [
    // API campaigns: templates the store's backend sends, one contact at a time.
    { slug: "welcome", name: "Welcome message", template: "welcome_v3", category: "utility", kind: "api", daysAgo: 95, hourUtc: 6, readRate: 0.82, replyRate: 0.12 },
    { slug: "order-confirmation", name: "Order confirmation", template: "order_confirmation_v2", category: "utility", kind: "api", daysAgo: 95, hourUtc: 6, readRate: 0.9, replyRate: 0.04 },
    { slug: "shipping-update", name: "Shipping update", template: "shipping_update", category: "utility", kind: "api", daysAgo: 95, hourUtc: 6, readRate: 0.86, replyRate: 0.06 },
    { slug: "delivered", name: "Delivery confirmation", template: "order_delivered", category: "utility", kind: "api", daysAgo: 95, hourUtc: 6, readRate: 0.74, replyRate: 0.03 },
    { slug: "feedback", name: "Feedback request", template: "feedback_request_v2", category: "utility", kind: "api", daysAgo: 80, hourUtc: 6, readRate: 0.55, replyRate: 0.3 },
    { slug: "abandoned-cart", name: "Abandoned cart reminder", template: "abandoned_cart_10off", category: "marketing", kind: "api", daysAgo: 70, hourUtc: 6, readRate: 0.58, replyRate: 0.09 },
    { slug: "cod-verification", name: "COD order verification", template: "cod_verify", category: "utility", kind: "api", daysAgo: 60, hourUtc: 6, readRate: 0.8, replyRate: 0.45 },
    { slug: "back-in-stock", name: "Back-in-stock alert", template: "back_in_stock", category: "marketing", kind: "api", daysAgo: 45, hourUtc: 6, readRate: 0.66, replyRate: 0.1 },
    // Broadcasts: one send to an audience.
    { slug: "new-year-preview", name: "New collection preview", template: "new_collection_preview", category: "marketing", kind: "broadcast", daysAgo: 86, hourUtc: 6, audience: { share: 0.7 }, readRate: 0.62, replyRate: 0.05 },
    { slug: "product-a-launch", name: "Product A launch", template: "product_a_launch", category: "marketing", kind: "broadcast", daysAgo: 50, hourUtc: 7, audience: { tags: ["Product A", "Lead"], share: 0.95 }, readRate: 0.74, replyRate: 0.12, interest: "Product A" },
    { slug: "expo-follow-up", name: "Expo 2026 follow-up", template: "expo_thank_you", category: "marketing", kind: "broadcast", daysAgo: 58, hourUtc: 5, audience: { sources: ["expo-2026"], share: 1 }, readRate: 0.66, replyRate: 0.14 },
    { slug: "weekend-deals-1", name: "Weekend deals #1", template: "weekend_deals", category: "marketing", kind: "broadcast", daysAgo: 78, hourUtc: 13, audience: { countries: ["India"], share: 0.6 }, readRate: 0.57, replyRate: 0.03 },
    { slug: "uae-store-opening", name: "Dubai Mall store opening", template: "store_opening_dubai", category: "marketing", kind: "broadcast", daysAgo: 74, hourUtc: 14, audience: { countries: ["United Arab Emirates"], share: 0.9 }, readRate: 0.7, replyRate: 0.08, interest: "Store visit" },
    { slug: "loyalty-points", name: "Loyalty points reminder", template: "loyalty_points_balance", category: "marketing", kind: "broadcast", daysAgo: 70, hourUtc: 4, audience: { plans: ["Basic", "Premium", "Enterprise"], share: 0.85 }, readRate: 0.68, replyRate: 0.04 },
    { slug: "flash-sale-midnight", name: "Midnight flash sale", template: "flash_sale_2h", category: "marketing", kind: "broadcast", daysAgo: 66, hourUtc: 19, audience: { share: 0.55 }, readRate: 0.41, replyRate: 0.02 },
    { slug: "product-b-early-access", name: "Product B early access", template: "product_b_early_access", category: "marketing", kind: "broadcast", daysAgo: 33, hourUtc: 8, audience: { tags: ["Product B", "VIP"], plans: ["Premium", "Enterprise"], share: 0.95 }, readRate: 0.79, replyRate: 0.16, interest: "Product B" },
    { slug: "summer-sale-launch", name: "Summer Sale launch", template: "summer_sale_launch", category: "marketing", kind: "broadcast", daysAgo: 55, hourUtc: 6, audience: { share: 0.8 }, readRate: 0.64, replyRate: 0.06, interest: "Summer Sale" },
    { slug: "wholesale-catalogue", name: "Wholesale catalogue", template: "wholesale_catalogue_pdf", category: "marketing", kind: "broadcast", daysAgo: 51, hourUtc: 5, audience: { tags: ["Wholesale"], share: 1 }, readRate: 0.72, replyRate: 0.2, interest: "Wholesale" },
    { slug: "summer-sale-last-48h", name: "Summer Sale — last 48 hours", template: "summer_sale_last_call", category: "marketing", kind: "broadcast", daysAgo: 47, hourUtc: 12, audience: { tags: ["Summer Sale", "Lead", "Customer"], share: 0.9 }, readRate: 0.6, replyRate: 0.05, interest: "Summer Sale" },
    { slug: "weekend-deals-2", name: "Weekend deals #2", template: "weekend_deals", category: "marketing", kind: "broadcast", daysAgo: 43, hourUtc: 13, audience: { countries: ["India"], share: 0.6 }, readRate: 0.52, replyRate: 0.03 },
    { slug: "vip-preview", name: "VIP preview night", template: "vip_preview_invite", category: "marketing", kind: "broadcast", daysAgo: 39, hourUtc: 11, audience: { tags: ["VIP"], share: 1 }, readRate: 0.85, replyRate: 0.25 },
    { slug: "uk-free-shipping", name: "Free UK shipping week", template: "free_shipping_uk", category: "marketing", kind: "broadcast", daysAgo: 35, hourUtc: 9, audience: { countries: ["United Kingdom"], share: 0.9 }, readRate: 0.58, replyRate: 0.04 },
    { slug: "customer-survey", name: "Customer satisfaction survey", template: "csat_survey", category: "utility", kind: "broadcast", daysAgo: 31, hourUtc: 7, audience: { tags: ["Customer"], share: 0.8 }, readRate: 0.61, replyRate: 0.22 },
    { slug: "product-a-how-to", name: "Product A: getting started video", template: "product_a_how_to", category: "utility", kind: "broadcast", daysAgo: 27, hourUtc: 6, audience: { tags: ["Product A"], share: 0.9 }, readRate: 0.66, replyRate: 0.07, interest: "Product A" },
    { slug: "win-back", name: "We miss you — 15% off", template: "win_back_15", category: "marketing", kind: "broadcast", daysAgo: 22, hourUtc: 14, audience: { tags: ["Churn risk"], share: 1 }, readRate: 0.38, replyRate: 0.06 },
    { slug: "referral-programme", name: "Refer a friend", template: "referral_programme", category: "marketing", kind: "broadcast", daysAgo: 17, hourUtc: 8, audience: { tags: ["Customer", "VIP"], share: 0.85 }, readRate: 0.63, replyRate: 0.05 },
    { slug: "weekend-deals-3", name: "Weekend deals #3", template: "weekend_deals", category: "marketing", kind: "broadcast", daysAgo: 12, hourUtc: 13, audience: { countries: ["India", "Singapore", "Indonesia"], share: 0.6 }, readRate: 0.5, replyRate: 0.03 },
    { slug: "price-drop-b", name: "Price drop on Product B", template: "price_drop_product_b", category: "marketing", kind: "broadcast", daysAgo: 7, hourUtc: 6, audience: { tags: ["Product B", "Lead"], share: 0.9 }, readRate: 0.69, replyRate: 0.1, interest: "Product B" },
    { slug: "new-arrivals", name: "New arrivals this week", template: "new_arrivals_carousel", category: "marketing", kind: "broadcast", daysAgo: 3, hourUtc: 7, audience: { share: 0.65 }, readRate: 0.59, replyRate: 0.04 },
    { slug: "festive-collection", name: "Festive collection is live", template: "festive_collection", category: "marketing", kind: "broadcast", daysAgo: 0.3, hourUtc: -1, audience: { tags: ["Customer", "VIP"], share: 0.7 }, readRate: 0.6, replyRate: 0.05 },
  ],
  welcomeCampaign: "welcome",
  transactions: [
    {
      name: "prepaid order",
      weight: 6,
      steps: [
        { campaign: "order-confirmation", afterHours: [0, 0.01] },
        { campaign: "shipping-update", afterHours: [18, 60] },
        { campaign: "delivered", afterHours: [40, 130] },
        { campaign: "feedback", afterHours: [20, 30], p: 0.7 },
      ],
    },
    {
      name: "cash-on-delivery order",
      weight: 3,
      steps: [
        { campaign: "cod-verification", afterHours: [0, 0.01] },
        { campaign: "order-confirmation", afterHours: [0.1, 3], p: 0.85 },
        { campaign: "shipping-update", afterHours: [18, 60], p: 0.85 },
        { campaign: "delivered", afterHours: [40, 130], p: 0.8 },
      ],
    },
    { name: "abandoned cart", weight: 4, steps: [{ campaign: "abandoned-cart", afterHours: [1, 4] }] },
    { name: "back in stock", weight: 1.5, steps: [{ campaign: "back-in-stock", afterHours: [0, 72] }] },
  ],
  transactionsPerContact: 2.2,
  customerTag: "Customer",
  topics: [
    {
      key: "product-a",
      weight: 3,
      interest: "Product A",
      openings: ["Hi, I want to know more about Product A", "Is Product A available in blue?", "What's the price of Product A?", "Does Product A come with a warranty?"],
      botReplies: ["Product A starts at ₹2,499 and comes in 4 colours. Want the catalogue?", "Here's the Product A catalogue 📘 Tap a model to see details.", "Product A has a 2-year warranty. Anything else I can help with?"],
      followUps: ["Yes please", "Which one is best for travel?", "Can I get it delivered by Friday?", "Ok thanks"],
      escalate: 0.1,
      questions: ["Can I get a bulk discount on 50 units of Product A for my office?", "Is Product A compatible with the older charger model?", "Can I try Product A at a store before buying?"],
      agentReplies: ["Hi! I'm {agent} from Acme. Happy to help with that.", "Yes, for 50 units we can offer 12% off — shall I send a quote?", "Let me check with the team and come back to you in a few minutes."],
      agentTag: "Lead",
    },
    {
      key: "product-b",
      weight: 2,
      interest: "Product B",
      openings: ["Hi, I want to know more about Product B", "When does Product B ship?", "Product B vs Product A — which is better?"],
      botReplies: ["Product B ships from next week. You can pre-order here 👉 acme.shop/b", "Product B is our premium line. Here's a comparison chart."],
      followUps: ["How much is shipping?", "Can I pay in instalments?", "Great, thanks!"],
      escalate: 0.12,
      questions: ["Can I pay for Product B with EMI on my credit card?", "Will Product B be cheaper during the sale?", "Can I reserve Product B without paying now?"],
      agentReplies: ["Hi, {agent} here. Yes, EMI is available on HDFC and ICICI cards.", "I've noted your reservation — you'll get a link when it's in stock."],
      agentTag: "Lead",
    },
    {
      key: "order-status",
      weight: 4,
      openings: ["Where is my order?", "Order status", "Hi, I placed an order 3 days ago and haven't received it", "Track my order"],
      botReplies: ["Please share your order number and I'll check it for you.", "Your order is on the way 🚚 Track it here: acme.shop/track"],
      followUps: ["#{n}", "It says delivered but I didn't get it", "Ok"],
      escalate: 0.32,
      questions: ["My order #{n} shows delivered but I never received it", "Order #{n} was supposed to arrive yesterday, where is it?", "Can I change the delivery address for order #{n}?", "The courier keeps cancelling my delivery for order #{n}"],
      agentReplies: ["Hi, I'm {agent}. Sorry about that — let me check with the courier.", "I've raised a ticket with the courier, you'll hear back within 24 hours.", "Your address is updated. The parcel will arrive on Thursday."],
      agentTag: "Delivery issue",
    },
    {
      key: "refund",
      weight: 2,
      openings: ["I want to return my order", "How do I get a refund?", "Return policy?"],
      botReplies: ["You can return any item within 14 days. Start a return here: acme.shop/returns", "Refunds reach your account 5–7 days after we receive the item."],
      followUps: ["I already sent it back", "The return link doesn't work", "Ok"],
      escalate: 0.45,
      questions: ["I want a refund for order #{n}, the size doesn't fit", "I returned order #{n} two weeks ago and still have no refund", "The payment for order #{n} was deducted twice from my card", "I received a damaged product in order #{n}, what should I do?"],
      agentReplies: ["Hi, {agent} here. I'm sorry about this — I've started the refund now.", "Could you send a photo of the damaged item?", "The duplicate charge will be reversed within 3 working days."],
      agentTag: "Refund requested",
    },
    {
      key: "offers",
      weight: 3,
      interest: "Summer Sale",
      openings: ["Hi, I saw the Summer Sale offer", "Any discount codes?", "Is the sale still on?"],
      botReplies: ["Use SUMMER30 for 30% off until Sunday ☀️", "Here are today's deals 👉 acme.shop/deals"],
      followUps: ["Does it work on Product B?", "Thanks!", "Can I combine it with my points?"],
      escalate: 0.14,
      questions: ["The coupon SUMMER30 is not working at checkout", "I bought it yesterday at full price, can I get the sale price?", "Can I combine SUMMER30 with my loyalty points?"],
      agentReplies: ["Hi! {agent} from Acme. I've applied the discount manually for you.", "Yes — I've credited the difference as store credit."],
      agentTag: "Complaint",
    },
    {
      key: "store",
      weight: 1.5,
      interest: "Store visit",
      openings: ["Hi, I'd like to visit a store near me", "Store timings?", "Where is your Bengaluru store?"],
      botReplies: ["Our stores are open 10 am–9 pm. Share your location to find the nearest one 📍", "Here's the nearest store: Acme, 12th Main, Indiranagar."],
      followUps: ["📍 Location shared", "Is parking available?", "Thanks"],
      escalate: 0.08,
      questions: ["Can I book a private appointment at the Dubai Mall store?", "Is the Indiranagar store wheelchair accessible?"],
      agentReplies: ["Hi, {agent} here. Yes, I've booked you for Saturday at 11 am."],
    },
    {
      key: "account",
      weight: 1.2,
      openings: ["How do I cancel my subscription?", "I can't log in", "Change my email"],
      botReplies: ["You can manage your plan in the app under Settings → Plan.", "I've sent a reset link to your email."],
      followUps: ["I didn't get the email", "Ok done"],
      escalate: 0.35,
      questions: ["How do I cancel my Premium subscription and get a refund for this month?", "I was charged for Premium but my account still shows Free", "Please delete my account and data"],
      agentReplies: ["Hi, {agent} here. I've cancelled the renewal and refunded this month.", "Your plan is fixed now — please log out and back in."],
      agentTag: "Complaint",
    },
    {
      key: "human",
      weight: 0.8,
      openings: ["Talk to a human", "Agent please", "I need to speak to someone"],
      botReplies: ["Sure — tell me what it's about and I'll connect you."],
      followUps: [],
      escalate: 0.9,
      questions: ["Talk to a human please", "Your bot doesn't understand me, I need a person", "Call me back please, it's urgent"],
      agentReplies: ["Hi, I'm {agent}. How can I help?", "Thanks for waiting — what can I do for you?"],
    },
  ],
  replies: {
    positive: ["Interested", "Yes, tell me more", "Shop now", "👍", "Send the catalogue"],
    question: ["What's the price?", "Is it available in my size?", "Does this apply to Product B?", "Delivery to Pune?"],
    stop: ["Stop promotions", "STOP", "Unsubscribe"],
  },
  reviewTags: { vip: "VIP", churnRisk: "Churn risk", lead: "Lead", wholesale: "Wholesale" },
};

/** Sunrise Clinic: a small multi-specialty clinic in Bengaluru. */
export const DEMO_CLINIC: DemoWorkspace = {
  workspaceId: "demo-clinic",
  name: "Sunrise Clinic",
  phoneNumberId: process.env.CHATLENS_DEMO_CLINIC_PHONE_NUMBER_ID ?? "100000000000002",
  contactsShare: 0.015,
  tags: [
    { tag: "Book appointment", category: "Interest", firstMessageText: "Hi, I'd like to book an appointment" },
    { tag: "Dental check-up", category: "Interest", firstMessageText: "Hello, I want to book a dental check-up" },
    { tag: "New patient", category: "Lifecycle" },
    { tag: "Follow-up needed", category: "Lifecycle" },
    { tag: "Insurance query", category: "Support" },
    { tag: "VIP", category: "Lifecycle" },
  ],
  attributes: [
    { name: "email", type: "email", options: [] },
    { name: "city", type: "text", options: [] },
    { name: "insurance", type: "list", options: ["None", "Star Health", "HDFC Ergo", "Corporate"] },
    { name: "signup_date", type: "date", options: [] },
    { name: "opted_in", type: "boolean", options: [] },
  ],
  listAttribute: "insurance",
  agents: [agent("anita", "Anita Rao", [3, 11]), agent("rahul", "Rahul Nair", [7, 15])],
  bot: { kind: "bot", id: "bot:sunrise-desk", name: "Sunrise Front Desk" },
  apiActor: { kind: "api", id: "api-key:practo-sync", name: "Appointment system" },
  members: [{ kind: "member", id: "user_demo_admin", name: "Aarav Shah" }],
  countries: [{ ...INDIA, weight: 1, cities: ["Bengaluru"] }],
  organisations: ["Infosys", "Wipro", "Flipkart", "Biocon"],
  arrivals: { organic: 30, ad: 5, entryPoint: 30, api: 25, imported: 10 },
  imports: [{ label: "patient-register", file: "patient-register.csv", daysAgo: 85, weight: 1, attributes: ["email", "city", "insurance"] }],
  ads: [{ source_id: "120211000000000111", headline: "Free dental check-up camp", body: "Book your slot on WhatsApp.", source_url: "https://fb.me/sunrise-dental", text: "Hello, I want to book a dental check-up" }],
  campaigns: [
    { slug: "appointment-confirmation", name: "Appointment confirmation", template: "appointment_confirmed", category: "utility", kind: "api", daysAgo: 95, hourUtc: 4, readRate: 0.92, replyRate: 0.05 },
    { slug: "appointment-reminder", name: "Appointment reminder", template: "appointment_reminder_24h", category: "utility", kind: "api", daysAgo: 95, hourUtc: 4, readRate: 0.88, replyRate: 0.2 },
    { slug: "lab-report", name: "Lab report ready", template: "lab_report_ready", category: "utility", kind: "api", daysAgo: 80, hourUtc: 4, readRate: 0.9, replyRate: 0.1 },
    { slug: "dental-camp", name: "Free dental check-up camp", template: "dental_camp", category: "marketing", kind: "broadcast", daysAgo: 60, hourUtc: 5, audience: { share: 0.8 }, readRate: 0.7, replyRate: 0.12, interest: "Dental check-up" },
    { slug: "flu-vaccine", name: "Flu vaccine drive", template: "flu_vaccine_drive", category: "marketing", kind: "broadcast", daysAgo: 30, hourUtc: 4, audience: { share: 0.85 }, readRate: 0.72, replyRate: 0.09 },
    { slug: "health-tips", name: "Monsoon health tips", template: "monsoon_health_tips", category: "marketing", kind: "broadcast", daysAgo: 5, hourUtc: 6, audience: { share: 0.7 }, readRate: 0.55, replyRate: 0.02 },
  ],
  transactions: [
    {
      name: "appointment",
      weight: 1,
      steps: [
        { campaign: "appointment-confirmation", afterHours: [0, 0.01] },
        { campaign: "appointment-reminder", afterHours: [20, 120], p: 0.9 },
        { campaign: "lab-report", afterHours: [48, 140], p: 0.35 },
      ],
    },
  ],
  transactionsPerContact: 1.6,
  topics: [
    {
      key: "booking",
      weight: 4,
      interest: "Book appointment",
      openings: ["Hi, I'd like to book an appointment", "Is Dr. Menon available tomorrow?", "Book appointment"],
      botReplies: ["Sure! Pick a department: General, Dental, Paediatrics, Dermatology.", "Here are the next free slots 🗓️"],
      followUps: ["General", "Tomorrow 10 am", "Ok booked, thanks"],
      escalate: 0.15,
      questions: ["Can I book Dr. Menon for my mother who can't climb stairs?", "I need an appointment today, it's urgent", "Can I reschedule appointment #{n} to next week?"],
      agentReplies: ["Hello, this is {agent} from Sunrise Clinic. I've booked a ground-floor room for you.", "We can see you at 4 pm today."],
      agentTag: "Follow-up needed",
    },
    {
      key: "dental",
      weight: 2,
      interest: "Dental check-up",
      openings: ["Hello, I want to book a dental check-up", "How much is teeth cleaning?"],
      botReplies: ["A dental check-up is ₹500; cleaning is ₹1,200. Want to book?"],
      followUps: ["Yes", "Saturday morning?"],
      escalate: 0.1,
      questions: ["Is root canal treatment covered by Star Health insurance?", "My crown came off, can someone see me today?"],
      agentReplies: ["Hi, {agent} here. Yes, it's covered up to ₹15,000 — bring your policy card."],
      agentTag: "Insurance query",
    },
    {
      key: "reports",
      weight: 2,
      openings: ["Are my reports ready?", "Lab report", "I didn't get my blood test results"],
      botReplies: ["Reports are usually ready in 24–48 hours. Please share your booking number."],
      followUps: ["#{n}", "Ok"],
      escalate: 0.3,
      questions: ["My report for booking #{n} shows the wrong name", "Can the doctor explain my report over a call?", "Report #{n} has been pending for 4 days"],
      agentReplies: ["Hi, {agent} here. I've corrected the report and resent it.", "Dr. Menon can call you at 6 pm."],
      agentTag: "Follow-up needed",
    },
    {
      key: "billing",
      weight: 1,
      openings: ["Do you accept insurance?", "Bill query"],
      botReplies: ["We accept Star Health, HDFC Ergo and most corporate plans."],
      followUps: ["Cashless?", "Ok"],
      escalate: 0.4,
      questions: ["Why was I charged twice for booking #{n}?", "Is my corporate insurance cashless at your clinic?"],
      agentReplies: ["Hello, {agent} here — the duplicate charge is refunded."],
      agentTag: "Insurance query",
    },
  ],
  replies: {
    positive: ["Book my slot", "Yes", "👍", "Interested"],
    question: ["Is it free for children?", "What time?", "Which branch?"],
    stop: ["STOP", "Stop messages"],
  },
  reviewTags: { vip: "VIP", lead: "New patient" },
};

export const DEMO_WORKSPACES: readonly DemoWorkspace[] = [DEMO_RETAIL, DEMO_CLINIC];
