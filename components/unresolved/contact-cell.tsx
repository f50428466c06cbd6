import { IntentLink } from "@/components/ui/intent-link";
import { contactLabel, profileHref } from "./format";
import styles from "./unresolved.module.css";

/** A contact's name (or phone) linking to the profile, the phone beneath. */
export function ContactCell({ workspaceId, contact, name, at }: { workspaceId: string; contact: string; name: string; at?: string }) {
  return (
    <div className={styles.contactCell}>
      <IntentLink href={profileHref(workspaceId, contact, at)}>{contactLabel({ name, contact })}</IntentLink>
      {name ? <span className={styles.phone}>{contact}</span> : null}
    </div>
  );
}
