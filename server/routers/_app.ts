import { createCallerFactory, router } from "../trpc/init";
import { apiKeysRouter } from "./api-keys";
import { attributesRouter } from "./attributes";
import { overviewRouter } from "./overview";
import { profileRouter } from "./profile";
import { settingsRouter } from "./settings";
import { workspacesRouter } from "./workspaces";

export const appRouter = router({
  workspaces: workspacesRouter,
  overview: overviewRouter,
  apiKeys: apiKeysRouter,
  settings: settingsRouter,
  attributes: attributesRouter,
  profile: profileRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
