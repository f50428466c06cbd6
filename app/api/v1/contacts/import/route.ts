import { apiKeyRoute } from "@/server/auth/api-key-route";
import { importResponse } from "@/server/ingestion/import-http";

export const dynamic = "force-dynamic";

/** CSV contact import with an API key (used by `npm run import` while the app runs). */
export const POST = apiKeyRoute("POST /api/v1/contacts/import", importResponse);
