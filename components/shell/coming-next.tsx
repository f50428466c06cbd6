import { PageHeader } from "./page-header";
import { sectionBySlug, type SectionSlug } from "./sections";
import { SectionIcon } from "./icons";
import shell from "./shell.module.css";
import styles from "./coming-next.module.css";

/** The placeholder for a section that is being built: what it will do, and for whom. */
export function ComingNext({ section }: { section: SectionSlug }) {
  const s = sectionBySlug(section);
  return (
    <div className={shell.page}>
      <PageHeader title={s.label} />
      <section className={styles.card} aria-labelledby={`coming-${s.slug}`}>
        <span className={styles.icon}>
          <SectionIcon slug={s.slug} />
        </span>
        <div>
          <p className={styles.eyebrow}>
            <span className={styles.badge}>Coming next</span>
            <span>{s.audience}</span>
          </p>
          <h2 id={`coming-${s.slug}`}>What {s.label} will do</h2>
          <p className={styles.summary}>{s.summary}</p>
        </div>
      </section>
    </div>
  );
}
