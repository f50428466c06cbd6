import { createCallerFactory, router } from "../trpc/init";
import { apiKeysRouter } from "./api-keys";
import { attributesRouter } from "./attributes";
import { overviewRouter } from "./overview";
import { segmentsRouter } from "./segments";
import { settingsRouter } from "./settings";
import { workspacesRouter } from "./workspaces";

export const appRouter = router({
  workspaces: workspacesRouter,
  overview: overviewRouter,
  apiKeys: apiKeysRouter,
  settings: settingsRouter,
  attributes: attributesRouter,
  segments: segmentsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
