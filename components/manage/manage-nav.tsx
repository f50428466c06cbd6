"use client";

import { usePathname } from "next/navigation";
import { TabLinks } from "@/components/ui/tabs";
import { MANAGE_TABS, manageHref } from "./tabs";

/** The tab bar of Manage: links, so every tab has its own URL and Back works; the arrow keys move between them. */
export function ManageNav({ workspaceId }: { workspaceId: string }) {
  // `/w/<workspace>/manage/<tab>/…`
  const current = (usePathname() ?? "").split("/")[4];
  return <TabLinks label="Manage" items={MANAGE_TABS.map((tab) => ({ key: tab.slug, label: tab.label, href: manageHref(workspaceId, tab.slug) }))} current={current} />;
}
