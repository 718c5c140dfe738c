import { Alert } from '@mantine/core';

/** The part of a refusal that belongs to no field of the form. */
export function FormAlert({ messages }: { messages: string[] | null }) {
  if (!messages) return null;
  return (
    <Alert color="red" title="未能保存" role="alert">
      {messages.map((m) => (
        <div key={m}>{m}</div>
      ))}
    </Alert>
  );
}
