/**
 * Change-role and remove controls for one membership, as used on a network's people table
 * and on the admin page of a person. Plain forms: they work without JavaScript; the
 * confirmation before removing needs it and is skipped without.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NETWORK_ROLES, type NetworkRole } from "#shared/roles";
import { CsrfInput } from "./csrf-input";

export interface MembershipControlsProps {
  /** Hidden fields identifying the membership (e.g. userId or networkId). */
  fields: Record<string, string>;
  intents: { change: string; remove: string };
  role: NetworkRole;
  /** Unique per row, for the select's id. */
  idSuffix: string;
  /** Who or what the row is about, read out after each button for screen readers. */
  subject: string;
  labels: { role: string; change: string; remove: string; confirmRemove: string };
}

export function MembershipControls({ fields, intents, role, idSuffix, subject, labels }: MembershipControlsProps) {
  const { t } = useTranslation();
  const hidden = Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
  return (
    <>
      <Form method="post" className="inline-form">
        <CsrfInput />
        <input type="hidden" name="intent" value={intents.change} />
        {hidden}
        <label className="visually-hidden" htmlFor={`role-${idSuffix}`}>
          {labels.role}
        </label>
        <select id={`role-${idSuffix}`} name="role" defaultValue={role}>
          {NETWORK_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`common:roles.${r}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--small">
          {labels.change}
          <span className="visually-hidden"> – {subject}</span>
        </button>
      </Form>{" "}
      <Form
        method="post"
        className="inline-form"
        onSubmit={(event) => {
          if (!window.confirm(labels.confirmRemove)) event.preventDefault();
        }}
      >
        <CsrfInput />
        <input type="hidden" name="intent" value={intents.remove} />
        {hidden}
        <button type="submit" className="button button--small button--danger">
          {labels.remove}
          <span className="visually-hidden"> – {subject}</span>
        </button>
      </Form>
    </>
  );
}
