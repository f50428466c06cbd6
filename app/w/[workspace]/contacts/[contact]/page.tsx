import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { Suspense } from "react";
import { ContactNotReadable } from "@/components/profile/profile-states";
import { ProfileSkeleton } from "@/components/profile/profile-skeleton";
import { ProfileView } from "@/components/profile/profile-view";
import { readContactParam } from "@/components/profile/contact-param";
import { JOURNEY_PAGES, journeyInput, loadJourney } from "@/components/profile/search-params";
import shell from "@/components/shell/shell.module.css";
import { HandOver, prefetch, prefetchFirstPage, trpc } from "@/server/trpc/prefetch";
import type { PageQuery } from "@/components/url-params";

type Params = Promise<{ workspace: string; contact: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { contact } = await params;
  const read = readContactParam(contact);
  return { title: read.ok ? `${read.contact} · Contacts` : "Contact · Contacts" };
}

/** A contact's chat profile: /w/<workspace>/contacts/<E.164 phone, URL-encoded> (?at=2026-10-01 jumps the journey to a day). */
export default async function ContactProfilePage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<PageQuery>;
}) {
  const { workspace, contact } = await params;
  const read = readContactParam(contact);
  const contactsHref = `/w/${encodeURIComponent(workspace)}/contacts`;
  if (!read.ok) {
    return (
      <div className={shell.page}>
        <ContactNotReadable raw={read.raw} suggestion={read.suggestion} workspaceId={workspace} contactsHref={contactsHref} />
      </div>
    );
  }
  // The profile and its journey's first page run now, side by side (in the browser the journey waited for the profile); the page comes with their answers.
  const journey = journeyInput(workspace, read.contact, loadJourney(await searchParams));
  await Promise.all([
    prefetch(trpc.profile.overview.queryOptions({ workspaceId: workspace, contact: read.contact })),
    prefetchFirstPage(trpc.profile.journey.infiniteQueryOptions(journey, JOURNEY_PAGES)),
  ]);
  return (
    <HandOver>
      <Suspense
        fallback={
          <div className={shell.page}>
            <IntentLink href={contactsHref}>← Contacts</IntentLink>
            <ProfileSkeleton />
          </div>
        }
      >
        <ProfileView workspaceId={workspace} contact={read.contact} contactsHref={contactsHref} />
      </Suspense>
    </HandOver>
  );
}
