import { getStore } from "@/clickhouse/client";
import { signInResponse } from "@/server/auth/sign-in-http";
import { withInternalErrors } from "@/server/internal-error";

export const dynamic = "force-dynamic";

/** The sign-in form posts here, with or without JavaScript (server/auth/sign-in-http.ts). */
export const POST = withInternalErrors("POST sign-in", (req: Request) => signInResponse(getStore(), req));
