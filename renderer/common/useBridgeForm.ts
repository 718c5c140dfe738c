import { useState } from 'react';
import type { Envelope } from '../../electron/bridge/contract';

export interface BridgeForm {
  /** Messages the bridge gave for fields this form shows, by field name. */
  errors: Record<string, string>;
  /** What cannot be shown at a field: the bridge's message and any field the form does not have. */
  alert: string[] | null;
  submitting: boolean;
  submit: <T>(send: () => Promise<Envelope<T>>) => Promise<T | null>;
  clearError: (field: string) => void;
}

/**
 * Form submission through the bridge. The form does not validate on its own: the contract and the
 * services decide, and their zh-CN messages are shown where they belong.
 */
export function useBridgeForm(fields: readonly string[]): BridgeForm {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string[] | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function submit<T>(send: () => Promise<Envelope<T>>): Promise<T | null> {
    setSubmitting(true);
    try {
      const result = await send();
      if (result.ok) {
        setErrors({});
        setAlert(null);
        return result.value;
      }
      const entries = Object.entries(result.error.fields ?? {});
      const atFields = entries.filter(([name]) => fields.includes(name));
      const elsewhere = entries.filter(([name]) => !fields.includes(name)).map(([, message]) => message);
      setErrors(Object.fromEntries(atFields));
      setAlert(atFields.length === 0 || elsewhere.length > 0 ? [result.error.message, ...elsewhere] : null);
      return null;
    } finally {
      setSubmitting(false);
    }
  }

  function clearError(field: string) {
    setErrors((current) => {
      if (!(field in current)) return current;
      const { [field]: _cleared, ...rest } = current;
      return rest;
    });
  }

  return { errors, alert, submitting, submit, clearError };
}
