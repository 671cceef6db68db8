import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { isSimError } from './errors';
import { getWorld, simulatorsEnabled } from './world';
import { nudgeSimulatorWorker } from './worker';

/** What a console form shows after a submission (rendered the same with and without JS). */
export type SimFormState =
  | { status: 'idle' }
  | { status: 'ok'; message: string }
  | { status: 'error'; message: string; fieldErrors: Record<string, string>; values: Record<string, string> };

const zhCN = z.locales.zhCN().localeError;

function valuesOf(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (!key.startsWith('$ACTION') && typeof value === 'string') values[key] = value;
  }
  return values;
}

/**
 * The one wrapper of the simulator console's server actions: refuses when simulators
 * are off, parses the form with zod (each message next to its field), runs the
 * simulator function and turns a provider error into a field error. Everything typed
 * is echoed back, so nothing is lost on an error. No session: the console is the
 * tester's, and exists only where simulators are enabled.
 */
export function simFormAction<S extends z.ZodType>(
  schema: S,
  run: (input: z.output<S>, world: Awaited<ReturnType<typeof getWorld>>) => Promise<string>,
) {
  return async function action(_prev: SimFormState, formData: FormData): Promise<SimFormState> {
    const values = valuesOf(formData);
    if (!simulatorsEnabled()) return { status: 'error', message: '模拟环境未开启', fieldErrors: {}, values };
    const parsed = schema.safeParse(values, { error: zhCN });
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) fieldErrors[issue.path.map(String).join('.') || '_form'] ??= issue.message;
      return { status: 'error', message: '请检查标红的输入项', fieldErrors, values };
    }
    try {
      const message = await run(parsed.data, await getWorld());
      nudgeSimulatorWorker();
      revalidatePath('/sim', 'layout'); // every console list shows the change (with JS too)
      return { status: 'ok', message };
    } catch (error) {
      if (!isSimError(error)) throw error;
      const fieldErrors = error.field ? { [error.field]: error.fieldMessage ?? error.message } : {};
      return { status: 'error', message: error.field ? '请检查标红的输入项' : error.message, fieldErrors, values };
    }
  };
}
