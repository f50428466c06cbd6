import Link from "next/link";
import { contactLabel, profileHref } from "./format";
import styles from "./unresolved.module.css";

/** A contact's name (or phone) linking to the profile, the phone beneath. */
export function ContactCell({ workspaceId, contact, name, at }: { workspaceId: string; contact: string; name: string; at?: string }) {
  return (
    <div className={styles.contactCell}>
      <Link href={profileHref(workspaceId, contact, at)}>{contactLabel({ name, contact })}</Link>
      {name ? <span className={styles.phone}>{contact}</span> : null}
    </div>
  );
}
