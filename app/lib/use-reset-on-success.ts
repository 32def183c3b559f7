import { useEffect, useRef } from "react";

/**
 * A form that stays on the page after it was sent (invite one person, then the next) keeps
 * what was typed, because the browser owns uncontrolled fields. Once the action reports
 * success the fields are emptied, so the next entry starts clean; after a refusal they keep
 * the typed values for correction.
 */
export function useResetOnSuccess(result: { ok: boolean } | undefined) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (result?.ok) form.current?.reset();
  }, [result]);
  return form;
}
