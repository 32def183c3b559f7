/**
 * /network-of-networks — the home of the shared space of all model networks: what needs
 * the person's action, the latest findings (pinned first), open consultations with their
 * endorsement count, recommendations waiting for the advisory board, and the sections.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { commonsHome } from "~/lib/commons-home.server";
import { authorize, requireAuth } from "~/lib/guards.server";
import { formatDateTime } from "~/lib/format";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("nav.networkOfNetworks");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "networkOfNetworks.view" });
  return commonsHome(context.services, auth.actor);
}

const FINDINGS = "/network-of-networks/findings";
const RECOMMENDATIONS = "/network-of-networks/recommendations";
const GOOD_PRACTICE = "/network-of-networks/good-practice";

export default function NetworkOfNetworksPage() {
  const { t, i18n } = useTranslation("network");
  const data = useLoaderData<typeof loader>();
  const { actions } = data;
  const todo = (["toEndorse", "toAnswer", "toSubmit", "proposals"] as const).filter((key) => actions[key] > 0);
  const todoLink = { toEndorse: RECOMMENDATIONS, toAnswer: RECOMMENDATIONS, toSubmit: RECOMMENDATIONS, proposals: GOOD_PRACTICE };
  return (
    <div className="page">
      <h1>{t("common:nav.networkOfNetworks")}</h1>
      <p>{t("nofn.intro")}</p>
      {data.canModerate ? <p className="badge">{t("nofn.youModerate")}</p> : null}

      <nav aria-labelledby="nofn-sections">
        <h2 id="nofn-sections">{t("nofn.sections")}</h2>
        <ul className="grid">
          <li className="card">
            <Link to={FINDINGS}>{t("nofn.findings")}</Link>
          </li>
          <li className="card">
            <Link to={RECOMMENDATIONS}>{t("nofn.recommendations")}</Link>
          </li>
          <li className="card">
            <Link to={GOOD_PRACTICE}>{t("nofn.goodPractice")}</Link>
          </li>
          <li className="card">
            <Link to="/network-of-networks/library">{t("library:nofnLink")}</Link>
          </li>
          <li className="card">
            <Link to="/network-of-networks/events">{t("events:nofnLink")}</Link>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="nofn-todo">
        <h2 id="nofn-todo">{t("nofn.yourActions")}</h2>
        {todo.length === 0 ? (
          <p className="empty">{t("nofn.nothingToDo")}</p>
        ) : (
          <ul>
            {todo.map((key) => (
              <li key={key}>
                <Link to={todoLink[key]}>{t(`nofn.${key}`, { count: actions[key] })}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="nofn-findings">
        <h2 id="nofn-findings">{t("nofn.latestFindings")}</h2>
        {data.latestFindings.length === 0 ? (
          <p className="empty">{t("nofn.noFindings")}</p>
        ) : (
          <ul className="grid">
            {data.latestFindings.map((f) => (
              <li key={f.id} className="card">
                <h3>
                  <Link to={`${FINDINGS}/${f.id}`}>{f.title}</Link>
                </h3>
                <p className="muted">
                  {f.pinned ? <span className="badge">{t("nofn.pinned")}</span> : null} {f.networkName} · {formatDateTime(f.createdAt, i18n.language)} ·{" "}
                  {t("nofn.comments", { count: f.comments })}
                </p>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={FINDINGS}>{t("nofn.allFindings")}</Link>
          {data.canPostFinding ? (
            <>
              {" · "}
              <Link to={`${FINDINGS}/new`}>{t("nofn.postFinding")}</Link>
            </>
          ) : null}
        </p>
      </section>

      <section aria-labelledby="nofn-consultations">
        <h2 id="nofn-consultations">{t("nofn.consultations")}</h2>
        {data.consultations.length === 0 ? (
          <p className="empty">{t("nofn.noConsultations")}</p>
        ) : (
          <ul>
            {data.consultations.map((c) => (
              <li key={c.id}>
                <Link to={`${RECOMMENDATIONS}/${c.id}`}>{c.title}</Link> — {t("nofn.endorsementCount", { count: c.endorsements, threshold: c.threshold })}
                {c.needsMyEndorsement ? <strong> · {t("nofn.needsYourEndorsement")}</strong> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="nofn-awaiting">
        <h2 id="nofn-awaiting">{t("nofn.awaitingAnswer")}</h2>
        {data.awaitingAnswer.length === 0 ? (
          <p className="empty">{t("nofn.noAwaiting")}</p>
        ) : (
          <ul>
            {data.awaitingAnswer.map((r) => (
              <li key={r.id}>
                <Link to={`${RECOMMENDATIONS}/${r.id}`}>{r.title}</Link>
                {r.submittedAt ? <span className="muted"> — {t("nofn.submittedOn", { date: formatDateTime(r.submittedAt, i18n.language) })}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="nofn-networks">
        <h2 id="nofn-networks">{t("nofn.participating")}</h2>
        {data.networks.length === 0 ? (
          <p className="empty">{t("nofn.noNetworks")}</p>
        ) : (
          <ul>
            {data.networks.map((n) => (
              <li key={n.id}>{n.slug ? <Link to={`/networks/${n.slug}`}>{n.name}</Link> : n.name}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
