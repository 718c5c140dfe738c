import { Alert, Button } from '@mantine/core';
import type { BridgeError } from '../../electron/bridge/contract';

/** A failed read, with the bridge's message and a way to try again. */
export function LoadError({ error, onRetry }: { error: BridgeError; onRetry?: () => void }) {
  return (
    <Alert color="red" title="读取台账失败" role="alert">
      {error.message}
      {onRetry && (
        <Button size="xs" variant="light" color="red" mt="sm" onClick={onRetry} display="block">
          重试
        </Button>
      )}
    </Alert>
  );
}
