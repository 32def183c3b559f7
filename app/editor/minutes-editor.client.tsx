/** An event's minutes: the document editor with attendees, decisions and action items below the text. */
import DocumentEditor, { type DocumentEditorProps } from "./document-editor.client";
import { MinutesParts, type MinutesContext } from "./minutes-parts.client";

export default function MinutesEditor({ context, locale, ...props }: DocumentEditorProps & { context: MinutesContext; locale: string }) {
  return <DocumentEditor {...props} structured={(doc, editable) => <MinutesParts doc={doc} editable={editable} locale={locale} context={context} />} />;
}
