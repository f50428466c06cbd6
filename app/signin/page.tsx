import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { safeCallbackUrl } from "@/components/auth/callback-url";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentSession } from "@/server/auth/session";
import { problemFromQuery, signInMessage } from "@/server/auth/sign-in-messages";
import styles from "./signin.module.css";
import type { PageQuery } from "@/components/url-params";

export const metadata: Metadata = { title: "Sign in" };

const DEMO_ROLES = [
  { email: "admin@demo.chatlens.dev", role: "Admin" },
  { email: "marketer@demo.chatlens.dev", role: "Marketer" },
  { email: "manager@demo.chatlens.dev", role: "Manager" },
  { email: "analyst@demo.chatlens.dev", role: "Analyst" },
];
const DEMO_PASSWORD = "chatlens-demo";

export default async function SignInPage({ searchParams }: { searchParams: Promise<PageQuery> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await currentSession()) redirect(callbackUrl);
  // A form posted without JavaScript comes back here with what went wrong (server/auth/sign-in-http.ts).
  const problem = problemFromQuery(params);

  // Read on the server so a deployment can hide the demo accounts without a rebuild.
  const showDemoLogins = process.env.CHATLENS_SHOW_DEMO_LOGINS !== "0";

  return (
    <AuthCard
      title="Sign in"
      lede="Campaign and segmentation analytics for your WhatsApp chats."
      after={
        showDemoLogins ? (
          <aside className={styles.demo} aria-labelledby="demo-accounts-title">
            <h2 id="demo-accounts-title">Demo accounts</h2>
            <p>
              Every account uses the password <code>{DEMO_PASSWORD}</code>.
            </p>
            <ul>
              {DEMO_ROLES.map((d) => (
                <li key={d.email}>
                  <code>{d.email}</code>
                  <span>{d.role}</span>
                </li>
              ))}
            </ul>
          </aside>
        ) : null
      }
    >
      <SignInForm callbackUrl={callbackUrl} initialError={problem ? signInMessage(problem) : null} />
    </AuthCard>
  );
}
