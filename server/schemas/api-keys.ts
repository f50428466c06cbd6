import { z } from "zod";

/** Manage → API keys: what creating and revoking a key take (server/routers/api-keys.ts; the create form too). */

export const apiKeyCreateInput = z.object({ name: z.string().trim().min(1, "give the key a name, like “Shopify sync”").max(100, "a key name has at most 100 characters") });

export const apiKeyRevokeInput = z.object({ keyId: z.string().min(1) });
