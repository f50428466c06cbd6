import { IntentLink } from "@/components/ui/intent-link";
import { passwordPage } from "@/components/auth/callback-url";
import type { Role } from "@/server/auth/roles";
import { SignOutButton } from "./sign-out-button";
import styles from "./shell.module.css";

const ROLE_LABEL: Record<Role, string> = {
  admin: "Admin",
  marketer: "Marketer",
  manager: "Manager",
  analyst: "Analyst",
};

function initials(nameOrEmail: string): string {
  const parts = nameOrEmail.split(/[\s@._-]+/).filter(Boolean);
  return (parts[0]?.[0] ?? "?").toUpperCase() + (parts[1]?.[0] ?? "").toUpperCase();
}

export function UserMenu({ name, email, role, home }: { name?: string | null; email?: string | null; role: Role; home: string }) {
  const display = name || email || "Signed in";
  return (
    <div className={styles.user}>
      <div className={styles.userRow}>
        <span className={styles.avatar} aria-hidden="true">
          {initials(display)}
        </span>
        <div className={styles.userText}>
          <span className={styles.userName}>{display}</span>
          {email && email !== display ? <span className={styles.userEmail}>{email}</span> : null}
          <IntentLink href={passwordPage(home)} className={styles.userLink}>
            Change password
          </IntentLink>
        </div>
      </div>
      <div className={styles.userRow}>
        <span className={styles.role}>
          <span className="visually-hidden">Your role in this workspace: </span>
          {ROLE_LABEL[role]}
        </span>
        <SignOutButton className={`btn btn-small ${styles.signOut}`} />
      </div>
    </div>
  );
}
