import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Awareness } from "y-protocols/awareness";
import { presentPeople, type Present } from "./presence";

/** "In this document now": names with their caret colour; the colour is never the only cue. */
export function PresenceList({ awareness, myId }: { awareness: Awareness; myId: string }) {
  const { t } = useTranslation("workprogramme");
  const [people, setPeople] = useState<Present[]>(() => presentPeople(awareness.getStates(), myId));
  useEffect(() => {
    const update = () => setPeople(presentPeople(awareness.getStates(), myId));
    awareness.on("change", update);
    update();
    return () => awareness.off("change", update);
  }, [awareness, myId]);

  return (
    <section className="wp-presence" aria-labelledby="wp-presence-heading">
      <h2 id="wp-presence-heading" className="wp-presence__heading">
        {t("presence.heading")}
      </h2>
      <ul className="wp-presence__list">
        {people.map((p) => (
          <li key={p.id} className="wp-presence__person" data-user-id={p.id}>
            <span
              className="wp-presence__swatch"
              aria-hidden="true"
              ref={(el) => {
                if (el) el.style.backgroundColor = p.color;
              }}
            />
            {p.name}
            {p.isMe ? ` ${t("presence.you")}` : null}
            {p.readOnly ? ` ${t("presence.readOnly")}` : null}
          </li>
        ))}
      </ul>
      {people.length <= 1 ? <p className="muted wp-presence__alone">{t("presence.nobody")}</p> : null}
    </section>
  );
}
