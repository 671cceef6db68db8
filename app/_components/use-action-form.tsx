'use client';

import { createContext, startTransition, useActionState, useContext, useEffect, useState, type ComponentType, type FormEvent } from 'react';
import type { FieldValues, Resolver, UseFormProps, UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult, Choices } from '@/lib/action';

type Action<T> = (prev: ActionResult<T>, formData: FormData) => Promise<ActionResult<T>>;

/** A form's zod schema, imported when first needed: `() => import('@/lib/schemas/auth').then((m) => m.loginSchema)`. */
export type SchemaLoader = () => Promise<z.ZodType<unknown, FieldValues>>;

// ---- react-hook-form, loaded after the page (ADR 0033) ----

type HookForm = typeof import('react-hook-form');
let hookForm: HookForm | undefined;
let loadingHookForm: Promise<HookForm> | undefined;
function loadHookForm(): Promise<HookForm> {
  loadingHookForm ??= import('react-hook-form').then(
    (module) => (hookForm = module),
    (error: unknown) => {
      loadingHookForm = undefined; // a failed load is tried again by the next form
      throw error;
    },
  );
  return loadingHookForm;
}

/** What a plain form hands to its enhanced remount: nothing the user did is lost. */
interface Carried {
  state: ActionResult<unknown>;
  /** Fields the user changed, by name: a string, or a checkbox's checked value / false. */
  values: Record<string, string | false>;
  /** Fields the user left: checked at once, as react-hook-form would have on their blur. */
  touched: string[];
  focus?: { name: string; selection?: [number, number] };
}

const EnhancementScope = createContext<{ carried?: Carried; enhance: (carried: Carried) => void } | null>(null);

/**
 * Wraps a form component that calls useActionForm. The form is first rendered plain —
 * on the server, at hydration, and until react-hook-form has loaded: an HTML form that
 * posts to its server action, whose answer shows the server's field errors. Once the
 * library is here (and no submission is under way) the form is mounted again, now driven
 * by react-hook-form, carrying over the action's answer and what the user typed, left
 * and focused meanwhile. react-hook-form is thus no part of the page's first-load
 * JavaScript (issue 19, item 4).
 */
export function enhancedForm<P extends object>(Form: ComponentType<P>): ComponentType<P> {
  function EnhancedForm(props: P) {
    const [carried, enhance] = useState<Carried>();
    return (
      <EnhancementScope value={{ carried, enhance }}>
        {/* A new key, a new instance: the two modes' hooks never meet in one component's life. */}
        <Form key={carried ? 'enhanced' : 'plain'} {...props} />
      </EnhancementScope>
    );
  }
  EnhancedForm.displayName = `enhancedForm(${Form.displayName ?? Form.name})`;
  return EnhancedForm;
}

/**
 * One form, two modes. Without JS the <form action> posts to the server action and the
 * page re-renders with its result; the same happens with JS until react-hook-form is
 * loaded (enhancedForm). Then react-hook-form checks the same zod schema first and
 * submits the same FormData through the same action. zod and the resolver are loaded on
 * the first check (a blur or the submit).
 */
export function useActionForm<T>(
  loadSchema: SchemaLoader,
  action: Action<T>,
  options: { defaults?: Record<string, string>; choices?: Choices } = {},
) {
  const scope = useContext(EnhancementScope);
  if (!scope) throw new Error('useActionForm: export the form component wrapped in enhancedForm()');
  const { carried, enhance } = scope;
  const [state, formAction, pending] = useActionState(action, (carried?.state ?? { status: 'idle' }) as ActionResult<T>);
  // What the user typed before a failed submission wins over the stored defaults.
  const defaultValues = { ...options.defaults, ...(state.status === 'error' ? state.values : {}) };
  const resolver: Resolver<FieldValues> = async (values, context, resolverOptions) => {
    const [{ zodResolver }, schema] = await Promise.all([import('@hookform/resolvers/zod'), loadSchema()]);
    return (zodResolver(schema as never) as Resolver<FieldValues>)(values, context, resolverOptions);
  };
  // `carried` never changes in one instance's life (enhancedForm's key): the same hook on every render.
  const useFormOfThisMode = carried ? hookForm!.useForm : usePlainForm;
  const form = useFormOfThisMode({ resolver, mode: 'onTouched', defaultValues: { ...defaultValues, ...carried?.values } });

  useEffect(() => {
    if (state.status !== 'error') return;
    for (const [name, message] of Object.entries(state.fieldErrors)) form.setError(name, { type: 'server', message });
  }, [state, form]);

  // Plain: load react-hook-form, then hand over — not while a submission awaits its answer.
  useEffect(() => {
    if (carried || pending) return;
    let current = true;
    loadHookForm().then(
      () => current && enhance({ state, ...(form as PlainForm).carry() }),
      () => {}, // stays plain: the server checks every submission
    );
    return () => {
      current = false;
    };
  }, [carried, pending, state, form, enhance]);

  // Enhanced: what the plain form saw the user do. Fields left, and fields the server
  // answered on, count as touched: they are checked again as they change (mode onTouched).
  useEffect(() => {
    if (!carried) return;
    const answered = carried.state.status === 'error' ? Object.keys(carried.state.fieldErrors) : [];
    for (const name of new Set([...carried.touched, ...answered])) form.setValue(name, form.getValues(name), { shouldTouch: true });
    if (carried.touched.length > 0) void form.trigger(carried.touched);
    if (carried.focus) {
      form.setFocus(carried.focus.name);
      const [start, end] = carried.focus.selection ?? [];
      const active = document.activeElement;
      if (start !== undefined && end !== undefined && active instanceof HTMLInputElement) active.setSelectionRange(start, end);
    }
  }, [carried, form]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (!carried) return; // plain: React posts the form to its action
    const element = event.currentTarget;
    void form.handleSubmit(() => {
      startTransition(() => formAction(new FormData(element)));
    })(event);
  }

  /** The field's message: react-hook-form's once enhanced, the server's before. */
  function errorFor(name: string): string | undefined {
    if (carried) {
      const message = form.formState.errors[name]?.message;
      return typeof message === 'string' ? message : undefined;
    }
    return state.status === 'error' ? state.fieldErrors[name] : undefined;
  }

  /** What the user typed before a failed submission (never passwords). */
  function valueOf(name: string, fallback = ''): string {
    return state.status === 'error' ? (state.values[name] ?? fallback) : fallback;
  }

  const formError = state.status === 'error' && Object.keys(state.fieldErrors).length === 0 ? state.message : undefined;
  /** The initial value of a field (uncontrolled inputs need it for the no-JS render). */
  function initial(name: string): string {
    return defaultValues[name] ?? '';
  }

  /** A select's options that follow what was typed: the action's after an error, else the page's for the defaults. */
  function choices(name: string): Choices[string] {
    return (state.status === 'error' && state.choices ? state.choices[name] : options.choices?.[name]) ?? [];
  }

  /**
   * The <form>'s own attributes, spread onto it: its action, the submit react-hook-form
   * checks first once enhanced, and data-enhanced — whether it does yet (the journeys wait
   * for it). noValidate: the browser's own bubbles would stand in for our messages.
   */
  const formProps = { action: formAction, onSubmit, 'data-enhanced': carried !== undefined, noValidate: true };

  return { state, formAction, pending, form, formProps, errorFor, valueOf, initial, choices, formError };
}

// ---- the plain mode: react-hook-form's surface over the form's own elements ----

type FieldElement = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
type PlainForm = UseFormReturn<FieldValues> & { carry(): Omit<Carried, 'state'> };

const isFieldElement = (node: unknown): node is FieldElement =>
  node instanceof HTMLInputElement || node instanceof HTMLSelectElement || node instanceof HTMLTextAreaElement;

function changed(element: FieldElement): boolean {
  if (element instanceof HTMLSelectElement) return [...element.options].some((o) => o.selected !== o.defaultSelected);
  if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) return element.checked !== element.defaultChecked;
  return element instanceof HTMLInputElement && element.type === 'file' ? false : element.value !== element.defaultValue;
}

function valueIn(elements: FieldElement[]): string | false {
  const first = elements[0];
  if (first instanceof HTMLInputElement && (first.type === 'checkbox' || first.type === 'radio')) {
    const checked = elements.find((e) => (e as HTMLInputElement).checked);
    return checked ? checked.value : first.type === 'radio' ? '' : false;
  }
  return first?.value ?? '';
}

/**
 * The methods the forms call, answered by the DOM until react-hook-form takes over:
 * register names the field and notes its element, what was left and changed; watch
 * answers the defaults (as react-hook-form's first render does); setValue and reset write
 * the elements. Checks are the server's in this mode, so setError, trigger and
 * clearErrors do nothing.
 */
function usePlainForm(props: UseFormProps<FieldValues>): PlainForm {
  const [form] = useState(() => {
    const defaults = (props.defaultValues ?? {}) as Record<string, string>;
    const elements = new Map<string, Set<FieldElement>>();
    const touched = new Set<string>();
    const of = (name: string) => [...(elements.get(name) ?? [])];
    const write = (name: string, value: unknown) => {
      for (const element of of(name)) {
        if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) element.checked = value === true || value === element.value;
        else element.value = String(value ?? '');
      }
    };
    const noop = () => {};
    const plain = {
      register: (name: string, options?: { onChange?: (event: unknown) => unknown; onBlur?: (event: unknown) => unknown }) => ({
        name,
        onChange: async (event: unknown) => options?.onChange?.(event),
        onBlur: async (event: unknown) => {
          touched.add(name);
          return options?.onBlur?.(event);
        },
        ref: (node: unknown) => {
          if (!isFieldElement(node)) return;
          let set = elements.get(name);
          if (!set) elements.set(name, (set = new Set()));
          set.add(node);
          return () => set.delete(node);
        },
      }),
      watch: (name: string) => defaults[name],
      getValues: (name: string) => (of(name).length > 0 ? valueIn(of(name)) : defaults[name]),
      setValue: write,
      reset: (values?: Record<string, unknown>) => {
        for (const [name, value] of Object.entries(values ?? defaults)) write(name, value);
      },
      setError: noop,
      clearErrors: noop,
      trigger: async () => true,
      setFocus: (name: string) => of(name)[0]?.focus(),
      // Plain: React posts the form to its action; nothing to check first.
      handleSubmit: () => noop,
      formState: { errors: {}, isSubmitted: false, isSubmitting: false, isDirty: false, isValid: false },
      carry(): Omit<Carried, 'state'> {
        const values: Carried['values'] = {};
        for (const [name, set] of elements) if ([...set].some(changed)) values[name] = valueIn([...set]);
        const active = document.activeElement;
        const focused = isFieldElement(active) ? [...elements].find(([, set]) => set.has(active))?.[0] : undefined;
        const selection = active instanceof HTMLInputElement && active.selectionStart !== null && active.selectionEnd !== null ? ([active.selectionStart, active.selectionEnd] as [number, number]) : undefined;
        return { values, touched: [...touched], focus: focused ? { name: focused, selection } : undefined };
      },
    };
    return plain as unknown as PlainForm;
  });
  return form;
}
