import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { safeCallbackUrl } from "@/components/auth/callback-url";
import { PasswordChangeForm } from "@/components/auth/password-change-form";
import styles from "@/components/auth/sign-in-form.module.css";
import { currentSession } from "@/server/auth/session";
import type { PageQuery } from "@/components/url-params";

export const metadata: Metadata = { title: "Change your password" };

export default async function PasswordPage({ searchParams }: { searchParams: Promise<PageQuery> }) {
  const params = await searchParams;
  const next = safeCallbackUrl(params.callbackUrl);
  const session = await currentSession();
  if (!session) redirect(`/signin?${new URLSearchParams({ callbackUrl: `/account/password?${new URLSearchParams({ callbackUrl: next })}` })}`);
  const temporary = session.user.mustChangePassword === true;

  return (
    <AuthCard
      title={temporary ? "Choose your password" : "Change your password"}
      lede={
        temporary
          ? "You signed in with a temporary password from your invitation. Choose your own to continue; the temporary one stops working."
          : "Changing it signs out every other browser signed in to your account; this one stays signed in."
      }
    >
      <PasswordChangeForm email={session.user.email ?? ""} temporary={temporary} next={next} />
      {temporary ? null : (
        <p className={styles.secondary}>
          <IntentLink href={next}>Keep your current password</IntentLink>
        </p>
      )}
    </AuthCard>
  );
}
