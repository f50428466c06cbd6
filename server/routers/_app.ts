import { createCallerFactory, router } from "../trpc/init";
import { accountRouter } from "./account";
import { apiKeysRouter } from "./api-keys";
import { attributesRouter } from "./attributes";
import { campaignsRouter } from "./campaigns";
import { contactsRouter } from "./contacts";
import { destinationsRouter } from "./destinations";
import { membersRouter } from "./members";
import { optOutsRouter } from "./opt-outs";
import { overviewRouter } from "./overview";
import { profileRouter } from "./profile";
import { segmentsRouter } from "./segments";
import { settingsRouter } from "./settings";
import { tagsRouter } from "./tags";
import { unresolvedRouter } from "./unresolved";
import { workspacesRouter } from "./workspaces";

export const appRouter = router({
  account: accountRouter,
  workspaces: workspacesRouter,
  overview: overviewRouter,
  apiKeys: apiKeysRouter,
  settings: settingsRouter,
  attributes: attributesRouter,
  tags: tagsRouter,
  members: membersRouter,
  profile: profileRouter,
  unresolved: unresolvedRouter,
  contacts: contactsRouter,
  segments: segmentsRouter,
  campaigns: campaignsRouter,
  destinations: destinationsRouter,
  optOuts: optOutsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
