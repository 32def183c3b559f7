import { useRootData } from "~/root";

/** The hidden token every form must carry; actions check it in readForm(). */
export function CsrfInput() {
  const data = useRootData();
  return <input type="hidden" name="csrf" value={data?.csrfToken ?? ""} />;
}
