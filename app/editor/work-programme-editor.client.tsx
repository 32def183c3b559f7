/**
 * A work programme's editor: the document editor with its structured part (activities with
 * the network's organisations, a timeline, milestones) below the text.
 */
import DocumentEditor, { type DocumentEditorProps } from "./document-editor.client";
import { StructuredParts, type NetworkOrganisation } from "./structured-parts.client";

export default function WorkProgrammeEditor({ organisations, locale, ...props }: DocumentEditorProps & { organisations: NetworkOrganisation[]; locale: string }) {
  return <DocumentEditor {...props} structured={(doc, editable) => <StructuredParts doc={doc} editable={editable} organisations={organisations} locale={locale} />} />;
}
