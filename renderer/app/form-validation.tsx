import { createContext, useCallback, useContext, useEffect, useId, useMemo, useState, type FocusEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Reason } from '../../shared/reasons/reason';
import { intlLocale } from '../i18n/i18n';
import { boundsAt, isUnder, issueText, pathKey, type FieldBounds, type FieldIssue } from './field-validation';

export interface FormValidationOptions {
  /** The schema the back end checks the same value with (the contract's own). */
  schema: z.ZodType;
  /** The value the form would send now. */
  value: unknown;
  /** Rules between fields (refinements) as the back end's reasons, so both sides word them alike. */
  ruleReason?: (issue: FieldIssue) => Reason | null;
}

export interface FormValidation {
  /** The form element's id: the first bad field is looked for inside it. */
  formId: string;
  /** Moves focus to one field (a refusal from the back end is shown beside it). */
  focusField(path: string): void;
  /**
   * Call on submit: true when the value passes; otherwise every bad field shows its
   * message and the first one (in the form's order) is focused, which scrolls it into view.
   */
  check(): boolean;
  /** The sentence for an issue no field on the form shows, or null. */
  unplacedText(labelOf: (path: string) => string): string | null;
  context: FieldContext;
}

interface FieldContext {
  formId: string;
  bounds(path: string): FieldBounds;
  /** The message for the field at `path`, once it has been left or the form submitted; null when it is fine. */
  errorText(path: string, label: string): string | null;
  touch(path: string): void;
  register(path: string): () => void;
}

const FieldValidationContext = createContext<FieldContext | null>(null);

/**
 * Field-level validation from the back end's own zod schema: each issue's path names the
 * field, its code the sentence (field-validation.ts). Messages appear when a field is left
 * and update as the person types; Save shows them all and focuses the first.
 */
export function useFormValidation({ schema, value, ruleReason }: FormValidationOptions): FormValidation {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const formId = useId();
  const [registered, setRegistered] = useState<readonly string[]>([]);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const issues = useMemo(() => {
    const result = schema.safeParse(value);
    return result.success ? [] : result.error.issues;
  }, [schema, value]);

  const register = useCallback((path: string) => {
    setRegistered((prev) => [...prev, path]);
    return () =>
      setRegistered((prev) => {
        const at = prev.indexOf(path);
        return at < 0 ? prev : [...prev.slice(0, at), ...prev.slice(at + 1)];
      });
  }, []);

  const context = useMemo<FieldContext>(
    () => ({
      formId,
      bounds: (path) => boundsAt(schema, path),
      errorText: (path, label) => {
        if (!submitted && !touched.has(path)) return null;
        const issue = issues.find((candidate) => isUnder(pathKey(candidate.path), path));
        return issue ? issueText(t, issue, { label, fieldPath: path, locale, ruleReason }) : null;
      },
      touch: (path) => setTouched((prev) => (prev.has(path) ? prev : new Set([...prev, path]))),
      register,
    }),
    [formId, schema, submitted, touched, issues, t, locale, ruleReason, register],
  );

  const isPlaced = (issue: FieldIssue) => registered.some((path) => isUnder(pathKey(issue.path), path));
  return {
    formId,
    focusField: (path) => document.getElementById(`${formId}-${path}`)?.focus(),
    context,
    check: () => {
      if (issues.length === 0) {
        setSubmitted(true);
        return true;
      }
      // The messages must be in the page before the first bad field can be found and focused, within this press of Save.
      flushSync(() => setSubmitted(true));
      document.getElementById(formId)?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return false;
    },
    unplacedText: (labelOf) => {
      const issue = submitted ? issues.find((candidate) => !isPlaced(candidate)) : undefined;
      if (!issue) return null;
      const path = pathKey(issue.path);
      return issueText(t, issue, { label: labelOf(path), fieldPath: path, locale, ruleReason });
    },
  };
}

/** Gives the fields inside it their form's validation. */
export function FieldValidationProvider({ validation, children }: { validation: FormValidation; children: ReactNode }) {
  return <FieldValidationContext.Provider value={validation.context}>{children}</FieldValidationContext.Provider>;
}

export interface FieldState {
  id: string;
  errorId: string;
  error: string | null;
  bounds: FieldBounds;
  onBlur: (event: FocusEvent<HTMLElement>) => void;
}

/**
 * One field's validation state: its id, its message (null when fine) and the schema's
 * bounds. Outside a validated form, or without a path, a field simply has an id.
 */
export function useFieldState(path: string | undefined, label: string): FieldState {
  const context = useContext(FieldValidationContext);
  const fallbackId = useId();
  const register = context?.register;
  useEffect(() => (path && register ? register(path) : undefined), [path, register]);
  if (!context || !path) return { id: fallbackId, errorId: `${fallbackId}-error`, error: null, bounds: {}, onBlur: () => undefined };
  const id = `${context.formId}-${path}`;
  const onBlur = (event: FocusEvent<HTMLElement>) => {
    // Leaving for Save: the message would push Save down between press and release, and the click would miss it.
    const next = event.relatedTarget;
    if (next instanceof HTMLButtonElement && next.type === 'submit') return;
    context.touch(path);
  };
  return { id, errorId: `${id}-error`, error: context.errorText(path, label), bounds: context.bounds(path), onBlur };
}

/**
 * The message beside a field, read with it (the input's aria-describedby names `id`);
 * `alert` announces it too, for a refusal that arrives after the person pressed the button.
 */
export function FieldError({ id, error, alert = false }: { id: string; error: string | null; alert?: boolean }) {
  return error ? (
    <span id={id} role={alert ? 'alert' : undefined} className="field-error error-text">
      {error}
    </span>
  ) : null;
}

/** The ids an input is described by: its help, then its message when there is one. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id.length > 0);
  return present.length > 0 ? present.join(' ') : undefined;
}
