import { Button } from '@mantine/core';
import { useState } from 'react';
import type { PrintingApi } from '../../electron/bridge/contract';
import { notifyFailed, notifySaved } from '../exchange/notifyFile';

declare global {
  interface Window {
    /** Exposed by electron/shell/preload.ts in the desktop app; absent in a browser. */
    printing?: PrintingApi;
  }
}

/**
 * 打印 / 存为 PDF for a report screen: the page as the print stylesheet (renderer/print.css) lays it
 * out on A4. The desktop app saves it as a PDF where the clerk picks; a browser opens its print dialog
 * (where 另存为 PDF is one of the printers). `title` names the file and the printed document.
 */
export function PrintButton({ title }: { title: string }) {
  const [saving, setSaving] = useState(false);

  async function print() {
    if (!window.printing) {
      // The browser suggests the document's title as the PDF's name.
      const previous = document.title;
      document.title = title;
      window.print();
      document.title = previous;
      return;
    }
    setSaving(true);
    const result = await window.printing.savePdf({ title });
    setSaving(false);
    if (!result.ok) return notifyFailed('存为 PDF 失败', result.error);
    if (result.value) notifySaved('已存为 PDF', result.value.savedAs, title);
  }

  return (
    <Button variant="default" loading={saving} onClick={() => void print()}>
      打印 / 存为 PDF
    </Button>
  );
}
