/** What kind of file this is, in words (the type was sniffed from its bytes at upload). */
import { useTranslation } from "react-i18next";

export function FileKindLabel({ kind }: { kind: string }) {
  const { t } = useTranslation("library");
  return <>{t(`kinds.${["image", "pdf", "text", "markdown", "docx", "odt"].includes(kind) ? kind : "other"}`)}</>;
}
