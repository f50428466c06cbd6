/**
 * Runs once when the Next.js server starts: bring the schema up to date (and,
 * for a local install, load the demo workspace) before the first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startup } = await import("./server/startup");
  await startup();
}
