import type { Metadata } from "next";
import { Suspense } from "react";
import { ContactsView } from "@/components/contacts/contacts-view";
import { PageHeader } from "@/components/shell/page-header";
import { contactsListInput, contactsStateOf, loadContacts } from "@/components/contacts/search-params";
import shell from "@/components/shell/shell.module.css";
import { HandOver, prefetch, trpc } from "@/server/trpc/prefetch";
import type { PageQuery } from "@/components/url-params";

export const metadata: Metadata = { title: "Contacts" };

export default async function ContactsPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<PageQuery>;
}) {
  const { workspace } = await params;
  // The page of contacts and the filters' choices run now, as the view will ask for them; the page comes with their answers.
  const state = contactsStateOf(loadContacts(await searchParams));
  await Promise.all([
    prefetch(trpc.contacts.list.queryOptions(contactsListInput(workspace, state))),
    prefetch(trpc.contacts.filterOptions.queryOptions({ workspaceId: workspace })),
  ]);
  return (
    <HandOver>
      {/* The view reads its table state from the URL on the client; this boundary keeps the shell renderable without it. */}
      <Suspense
        fallback={
          <div className={shell.page}>
            <PageHeader title="Contacts" />
          </div>
        }
      >
        <ContactsView workspaceId={workspace} />
      </Suspense>
    </HandOver>
  );
}
