import { IntentLink } from "@/components/ui/intent-link";
import { profileHref } from "./profile-href";
import styles from "./profile.module.css";

/** The URL names a phone number nobody in this workspace has. */
export function ContactNotFound({ contact, contactsHref }: { contact: string; contactsHref: string }) {
  return (
    <section className={styles.panel} aria-labelledby="not-found-title">
      <h1 id="not-found-title">No contact {contact} here</h1>
      <p className={styles.muted} style={{ marginTop: 8, maxWidth: 640 }}>
        Nobody with this number has chatted with this workspace, been imported into it or been sent a campaign from it. The
        link may belong to another workspace, or the number may have a typo.
      </p>
      <p style={{ marginTop: 16 }}>
        <IntentLink href={contactsHref} className="btn">
          Back to contacts
        </IntentLink>
      </p>
    </section>
  );
}

/** The URL's contact is not a phone number at all. */
export function ContactNotReadable({
  raw,
  suggestion,
  workspaceId,
  contactsHref,
}: {
  raw: string;
  suggestion: string | null;
  workspaceId: string;
  contactsHref: string;
}) {
  return (
    <section className={styles.panel} role="alert" aria-labelledby="unreadable-title">
      <h1 id="unreadable-title">This link does not name a phone number</h1>
      <p className={styles.muted} style={{ marginTop: 8, maxWidth: 640 }}>
        A chat profile is opened by the contact’s WhatsApp number in international form, with its country code, like
        +919812345678; “{raw.slice(0, 60)}” is not one.
        {suggestion ? (
          <>
            {" "}
            Did you mean <IntentLink href={profileHref(workspaceId, suggestion)}>{suggestion}</IntentLink>?
          </>
        ) : null}
      </p>
      <p style={{ marginTop: 16 }}>
        <IntentLink href={contactsHref} className="btn">
          Find the contact in Contacts
        </IntentLink>
      </p>
    </section>
  );
}
