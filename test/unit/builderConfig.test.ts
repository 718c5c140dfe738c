/**
 * The installer settings that keep the program files out of users' reach, read through electron-builder's
 * own loader and schema check, so a misspelt key fails here rather than being ignored at `npm run dist`.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { installPrefix } from 'app-builder-lib/out/targets/LinuxTargetHelper';

const root = path.resolve(__dirname, '..', '..');

async function loadConfig() {
  const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}
// Loading the schema takes seconds: once for the file.
const builderConfig = loadConfig();

describe('electron-builder.yml', () => {
  it('flips the fuses that refuse a modified or unpacked app and close the Node debugging entries', async () => {
    const { electronFuses, asar } = await builderConfig;
    expect(asar).toBe(true);
    expect(electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('installs per machine on Windows, into a folder users cannot change or write', async () => {
    const { nsis } = await builderConfig;
    expect(nsis).toMatchObject({
      oneClick: false,
      perMachine: true,
      allowToChangeInstallationDirectory: false,
      deleteAppDataOnUninstall: false,
    });
  });

  it('installs the deb under root-owned /opt', async () => {
    const { linux } = await builderConfig;
    expect(linux?.target).toEqual([expect.objectContaining({ target: 'deb' })]);
    expect(installPrefix).toBe('/opt');
  });
});
