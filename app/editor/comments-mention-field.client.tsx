/**
 * A comment box that offers people to @mention. Typing "@" and the start of a name opens a
 * list of matching people below the box; the box keeps the focus (aria-activedescendant
 * points at the highlighted person), ↑/↓ move, Enter chooses, Escape closes the list. A
 * mouse click chooses too. How many people were found is announced politely.
 *
 * The textarea keeps its native role (a multi-line textbox, which supports
 * aria-autocomplete and aria-activedescendant); the list is a listbox of options.
 */
import { forwardRef, useId, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { MAX_COMMENT_LENGTH } from "#shared/validation/limits";
import { insertMention, matchingCandidates, mentionQueryAt, type MentionCandidate } from "./comment-mentions";

export interface MentionFieldProps {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  candidates: readonly MentionCandidate[];
  /** A person was chosen from the list. */
  onMention: (person: MentionCandidate) => void;
  /** Escape with the list closed (e.g. cancel the form). */
  onEscape?: () => void;
  /** Ctrl/⌘+Enter: send. */
  onSubmitShortcut?: () => void;
  invalid?: boolean;
  errorId?: string | undefined;
  rows?: number;
}

export interface MentionFieldHandle {
  focus(): void;
}

export const MentionField = forwardRef<MentionFieldHandle, MentionFieldProps>(function MentionField(
  { label, hint, value, onChange, candidates, onMention, onEscape, onSubmitShortcut, invalid, errorId, rows = 3 },
  ref,
) {
  const { t } = useTranslation("comments");
  const baseId = `mention-${useId().replace(/:/g, "")}`;
  const fieldId = `${baseId}-field`;
  const hintId = `${baseId}-hint`;
  const listId = `${baseId}-list`;
  const textarea = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(ref, () => ({ focus: () => textarea.current?.focus() }), []);

  const [caret, setCaret] = useState(0);
  const [focused, setFocused] = useState(false);
  const [activeIndex, setActiveIndex] = useState(0);
  /** The query the person closed the list for with Escape; it reopens when the query changes. */
  const [dismissed, setDismissed] = useState<string | null>(null);
  const pendingCaret = useRef<number | null>(null);

  const query = useMemo(() => mentionQueryAt(value, caret), [value, caret]);
  const queryKey = query ? `${query.start}:${query.query}` : null;
  const options = useMemo(() => (query ? matchingCandidates(candidates, query.query) : []), [candidates, query]);
  const open = focused && options.length > 0 && queryKey !== dismissed;
  const active = open ? Math.min(activeIndex, options.length - 1) : -1;
  const optionId = (i: number) => `${baseId}-option-${i}`;

  // After choosing, the caret goes behind the inserted name.
  useLayoutEffect(() => {
    if (pendingCaret.current === null || !textarea.current) return;
    const at = pendingCaret.current;
    pendingCaret.current = null;
    textarea.current.setSelectionRange(at, at);
    setCaret(at);
  });

  const readCaret = () => setCaret(textarea.current?.selectionStart ?? 0);

  const choose = (person: MentionCandidate) => {
    if (!query) return;
    const next = insertMention(value, query.start, caret, person.name);
    pendingCaret.current = next.caret;
    onChange(next.text);
    onMention(person);
    setActiveIndex(0);
    textarea.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open) {
      const last = options.length - 1;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        setActiveIndex(event.key === "ArrowDown" ? (active >= last ? 0 : active + 1) : active <= 0 ? last : active - 1);
        return;
      }
      if (event.key === "Enter" && !event.shiftKey && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        const person = options[active];
        if (person) choose(person);
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        setDismissed(queryKey);
        return;
      }
    }
    if (event.key === "Escape" && onEscape) {
      event.preventDefault();
      onEscape();
      return;
    }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && onSubmitShortcut) {
      event.preventDefault();
      onSubmitShortcut();
    }
  };

  const describedBy = [hint ? hintId : null, errorId ?? null].filter(Boolean).join(" ") || undefined;

  return (
    <div className="mention-field">
      <label htmlFor={fieldId} className="mention-field__label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mention-field__hint">
          {hint}
        </p>
      ) : null}
      <div className="mention-field__box">
        <textarea
          ref={textarea}
          id={fieldId}
          className="mention-field__input"
          rows={rows}
          maxLength={MAX_COMMENT_LENGTH}
          value={value}
          aria-describedby={describedBy}
          aria-invalid={invalid ? true : undefined}
          aria-autocomplete="list"
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
          onChange={(event) => {
            onChange(event.target.value);
            setCaret(event.target.selectionStart ?? event.target.value.length);
            setActiveIndex(0);
          }}
          onSelect={readCaret}
          onKeyUp={readCaret}
          onClick={readCaret}
          onFocus={() => {
            setFocused(true);
            readCaret();
          }}
          onBlur={() => setFocused(false)}
          onKeyDown={onKeyDown}
        />
        {open ? (
          <ul id={listId} role="listbox" aria-label={t("mention.listLabel")} className="mention-list">
            {options.map((person, i) => (
              <li
                key={person.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={i === active ? "mention-option mention-option--active" : "mention-option"}
                // Keep the focus in the box: the list is driven from there.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(person)}
              >
                {person.name}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {open ? t("mention.results", { count: options.length }) : ""}
      </p>
    </div>
  );
});
