import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { authOptions } from "./options";

/**
 * The signed-in user of the current request, or null. Checked against the
 * store (server/auth/sessions.ts) once per request: a layout and its page
 * share the answer.
 */
export const currentSession = cache(async () => {
  const session = await getServerSession(authOptions);
  return session?.user?.id ? session : null;
});
