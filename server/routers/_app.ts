import { createCallerFactory, router } from "../trpc/init";
import { apiKeysRouter } from "./api-keys";
import { attributesRouter } from "./attributes";
import { overviewRouter } from "./overview";
import { settingsRouter } from "./settings";
import { unresolvedRouter } from "./unresolved";
import { workspacesRouter } from "./workspaces";

export const appRouter = router({
  workspaces: workspacesRouter,
  overview: overviewRouter,
  apiKeys: apiKeysRouter,
  settings: settingsRouter,
  attributes: attributesRouter,
  unresolved: unresolvedRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
