import { Stack, Tabs, Title } from '@mantine/core';
import { FolderImportPanel } from './FolderImportPanel';
import { PackagePanel } from './PackagePanel';
import { VerifyPanel } from './VerifyPanel';

/**
 * U盘交换: the bureau's machines never go online, so reports leave and units' files arrive on USB
 * sticks. Export a year with a manifest that proves it arrived whole, check such a folder anywhere,
 * and import a folder of units' files in one go.
 */
export function UsbExchangeScreen({ year }: { year: number }) {
  return (
    <Stack gap="md">
      <Title order={2}>U盘交换 · {year} 年度</Title>
      <Tabs defaultValue="package" keepMounted>
        <Tabs.List>
          <Tabs.Tab value="package">导出到U盘</Tabs.Tab>
          <Tabs.Tab value="verify">校验U盘文件</Tabs.Tab>
          <Tabs.Tab value="import">从U盘导入</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="package" pt="md">
          <PackagePanel year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="verify" pt="md">
          <VerifyPanel />
        </Tabs.Panel>
        <Tabs.Panel value="import" pt="md">
          <FolderImportPanel year={year} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
