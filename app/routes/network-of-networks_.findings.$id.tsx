/**
 * /network-of-networks/findings/:id — one finding for everyone in the network of networks:
 * its text, tags and evidence (what the reader may not see shows no title), the
 * recommendations citing it, and its discussion. Every form works without JavaScript:
 * comment, reply (with @mentions), delete one's own comment; moderators pin, close or
 * reopen the discussion and hide comments. The finding and each comment written in another
 * language than the reader's offer "show translation" (intent=translate) when a provider is
 * set up; the translation is shown in place, labelled as machine-made, and stored nowhere. Refusals come back as translated messages next
 * to the form that was sent; nothing changes.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Actor } from "#shared/policy";
import { findingPageForms, isFindingPageIntent, type FindingPageIntent } from "#shared/validation/findings-forms";
import { notFound } from "~/lib/guards.server";
import { formError, parseWith, readForm } from "~/lib/forms.server";
import {
  closeFindingDiscussion,
  commentOnFinding,
  deleteFindingComment,
  findingFor,
  findingPage,
  hideFindingComment,
  idParam,
  invalidFor,
  refusal,
  reopenFindingDiscussion,
  replyOnFinding,
  requireCommonsView,
  setFindingPinned,
} from "~/lib/findings.server";
import { translatable, translatableIds, translateOnPage } from "~/lib/translate.server";
import { SimpleRichText } from "~/components/simple-rich-text";
import { Notice } from "~/components/fields";
import { FindingBadges, FindingFacts, FindingTags } from "~/components/findings/finding-facts";
import { EvidenceList } from "~/components/findings/evidence-list";
import { CitedBy } from "~/components/findings/cited-by";
import { Discussion, Translatable } from "~/components/findings/discussion";
import { ModerationPanel } from "~/components/findings/moderation-panel";
import { formatDate, formatDateTime } from "~/lib/format";
import { pageMeta } from "~/lib/meta";
import stylesheet from "~/components/findings/findings.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta<{ finding: { title: string } }>((t, data) => `${data.finding.title} · ${t("commons:findings.list.title")}`);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = requireCommonsView(request, context);
  const id = idParam(params.id);
  const page = id ? await findingPage(context.services, auth.actor, id) : null;
  if (!page) notFound();
  // "Show translation" for the finding and for each comment in another language than the reader's.
  const comments = page.discussion.threads.flatMap((thread) => thread.comments).map((c) => ({ id: c.id, text: c.body }));
  return { ...page, translatable: { finding: translatable(context, page.finding.body), comments: translatableIds(context, comments) } };
}

type Done = "commented" | "replied" | "deleted" | "pinned" | "unpinned" | "closed" | "reopened" | "hidden";

/** Runs one intent; the form's fields were parsed by its schema. */
async function perform(context: ActionFunctionArgs["context"], actor: Actor, findingId: string, intent: FindingPageIntent, form: FormData) {
  const { services } = context;
  const where = (target?: string) => ({ intent, ...(target ? { target } : {}) });
  const parsed = parseWith(findingPageForms[intent] as (typeof findingPageForms)["reply"], form, ["mentions"]);
  const target = (typeof form.get("threadId") === "string" ? form.get("threadId") : form.get("commentId")) as string | null;
  if (!parsed.ok) return invalidFor(parsed, where(target ?? undefined));
  const input = parsed.data as Record<string, unknown> & { body: string; mentions: string[] };
  const answer = (result: { ok: true } | { ok: false; error: Parameters<typeof refusal>[1] }, done: Done, on?: string) =>
    result.ok ? { ok: true as const, done, intent, target: on ?? null } : refusal("findings", result.error, form, where(on));

  switch (intent) {
    case "comment":
      return answer(await commentOnFinding(services, actor, findingId, { body: input.body, mentions: input.mentions }), "commented");
    case "reply": {
      const threadId = String(input.threadId);
      return answer(await replyOnFinding(services, actor, findingId, { threadId, body: input.body, mentions: input.mentions }), "replied", threadId);
    }
    case "deleteComment": {
      const commentId = String(input.commentId);
      return answer(await deleteFindingComment(services, actor, findingId, commentId), "deleted", commentId);
    }
    case "pin":
    case "unpin":
      return answer(await setFindingPinned(services, actor, findingId, intent === "pin"), intent === "pin" ? "pinned" : "unpinned");
    case "closeDiscussion":
      return answer(await closeFindingDiscussion(services, actor, findingId, String(input.reason)), "closed");
    case "reopenDiscussion":
      return answer(await reopenFindingDiscussion(services, actor, findingId), "reopened");
    case "hideComment": {
      const commentId = String(input.commentId);
      return answer(await hideFindingComment(services, actor, findingId, commentId, String(input.reason)), "hidden", commentId);
    }
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const auth = requireCommonsView(request, context);
  const id = idParam(params.id);
  const finding = id ? await findingFor(context.services, auth.actor, id) : null;
  if (!id || !finding) notFound();
  const form = await readForm(request, context);
  const intent = form.get("intent");
  if (intent === "translate") return translateOnPage(context, auth.actor, form);
  if (!isFindingPageIntent(intent)) return formError("validation.unknownAction", form);
  return perform(context, auth.actor, id, intent, form);
}

export default function FindingPage() {
  const { t, i18n } = useTranslation("commons");
  const { finding, evidence, citedBy, discussion, rights, translatable } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? { intent: null, target: null, ...result } : null;
  const done = result && result.ok && "done" in result ? result.done : null;
  const translation = result && result.ok && "translation" in result ? result.translation : null;
  // A refusal whose form is not on the page (any more): e.g. a comment sent while a moderator closed the discussion.
  const formGone = failed !== null && (failed.intent === null || ((failed.intent === "comment" || failed.intent === "reply") && !rights.discuss));
  const pageError = formGone ? failed.errors.form : undefined;

  return (
    <div className="page page--medium">
      <p className="muted">
        <Link to="/network-of-networks/findings">{t("findings.list.title")}</Link>
      </p>
      <h1>{finding.title}</h1>
      <FindingBadges pinned={finding.pinnedAt !== null} closed={finding.discussionClosed !== null} />
      <FindingFacts networkName={finding.networkName} authorName={finding.authorName} country={finding.country}>
        <time dateTime={finding.createdAt}>{formatDate(finding.createdAt, i18n.language)}</time>
        {finding.edited ? <> ({t("findings.page.edited", { date: formatDate(finding.updatedAt, i18n.language) })})</> : null}
      </FindingFacts>
      {pageError ? <div role="alert" className="alert alert--error">{t(pageError, { ns: "common" })}</div> : null}
      {rights.edit ? (
        <p>
          <Link to={`/network-of-networks/findings/${finding.id}/edit`}>{t("findings.page.edit")}</Link>
        </p>
      ) : null}

      <Translatable kind="finding" id={finding.id} available={translatable.finding} shown={translation} failed={failed} render={(text) => <SimpleRichText text={text} className="card finding-body" />}>
        <SimpleRichText text={finding.body} className="card finding-body" />
      </Translatable>
      <FindingTags actionAreas={finding.actionAreas} occupationalFields={finding.occupationalFields} themes={finding.themes} />

      <h2>{t("findings.page.evidence")}</h2>
      <EvidenceList evidence={evidence} />

      <h2>{t("findings.page.citedBy")}</h2>
      <CitedBy recommendations={citedBy} />

      {rights.moderate ? <ModerationPanel pinned={finding.pinnedAt !== null} closed={finding.discussionClosed !== null} failed={failed} /> : null}

      <section className="comments finding-discussion" aria-labelledby="discussion-heading">
        <h2 id="discussion-heading" className="comments__heading">
          {t("findings.discussion.heading")}
        </h2>
        <p className="comments__intro">{t("findings.discussion.intro", { network: finding.networkName })}</p>
        {done ? <Notice>{t(`findings.page.done.${done}`)}</Notice> : null}
        {finding.discussionClosed ? (
          <div className="alert alert--info finding-closed">
            <p>
              <strong>{t("findings.discussion.closed", { date: formatDateTime(finding.discussionClosed.at, i18n.language) })}</strong>
            </p>
            <p>{t("findings.discussion.closedReason", { reason: finding.discussionClosed.reason })}</p>
          </div>
        ) : null}
        <Discussion
          threads={discussion.threads}
          candidates={discussion.candidates}
          canDiscuss={rights.discuss}
          canModerate={rights.moderate}
          failed={failed}
          translatable={translatable.comments}
          translation={translation}
        />
      </section>
    </div>
  );
}
