import { notifications } from '@mantine/notifications';
import type { BridgeError } from '../../electron/bridge/contract';

/** Where an export went, in the words a clerk needs to find it again. */
export function notifySaved(title: string, savedAs: string, detail: string) {
  notifications.show({ color: 'green', title, message: `${detail}。已保存为 ${savedAs}` });
}

export function notifyFailed(title: string, error: BridgeError) {
  notifications.show({ color: 'red', title, message: error.message, autoClose: false });
}
