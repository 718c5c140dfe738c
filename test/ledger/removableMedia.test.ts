/**
 * The ledger never lives on a USB stick. The probe reads a temp folder laid out like a UOS/Kylin
 * machine's /proc/self/mountinfo, /sys/dev/block and /run/mount/utab, and a stand-in for PowerShell on
 * Windows; the refusal is then driven through the command line on real ledger files.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removableMediaOf, refuseRemovableLedger, type RemovableMediaProbe } from '../../electron/ledger/removableMedia';
import { cliRunner } from '../fixtures/cli';
import { tempFolder } from './tempLedger';

/** A block device's folder in sysfs, its disk's removable flag, and the /sys/dev/block link to the partition. */
function blockDevice(root: string, bus: string, disk: string, removable: 0 | 1, partitions: Record<string, string>): void {
  const diskFolder = path.join(root, 'sys', 'devices', bus, 'block', disk);
  fs.mkdirSync(diskFolder, { recursive: true });
  fs.writeFileSync(path.join(diskFolder, 'removable'), `${removable}\n`);
  for (const [name, majorMinor] of Object.entries(partitions)) {
    fs.mkdirSync(path.join(diskFolder, name));
    fs.writeFileSync(path.join(diskFolder, name, 'partition'), '1\n');
    fs.symlinkSync(path.join('..', '..', 'devices', bus, 'block', disk, name), path.join(root, 'sys', 'dev', 'block', majorMinor));
  }
}

/** A UOS/Kylin desktop: SATA system disk, a SATA data disk, two USB sticks, a share, binds, /tmp in memory. */
function fakeMachine(): string {
  const root = tempFolder();
  fs.mkdirSync(path.join(root, 'proc', 'self'), { recursive: true });
  fs.mkdirSync(path.join(root, 'sys', 'dev', 'block'), { recursive: true });
  fs.mkdirSync(path.join(root, 'run', 'mount'), { recursive: true });
  const sata = 'pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0';
  blockDevice(root, sata, 'sda', 0, { sda1: '8:1', sda2: '8:2' });
  blockDevice(root, 'pci0000:00/0000:00:17.0/ata2/host1/target1:0:0/1:0:0:0', 'sdc', 0, { sdc1: '8:33' });
  // A Kingston stick reports itself removable.
  blockDevice(root, 'pci0000:00/0000:00:14.0/usb1/1-1/1-1:1.0/host6/target6:0:0/6:0:0:0', 'sdb', 1, { sdb1: '8:17' });
  // A USB SSD says removable=0: only udisks2's mount point gives it away.
  blockDevice(root, 'pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host7/target7:0:0/7:0:0:0', 'sdd', 0, { sdd1: '8:49' });
  // A stick mounted by udisks2 at a place the clerk configured, also removable=0.
  blockDevice(root, 'pci0000:00/0000:00:14.0/usb2/2-2/2-2:1.0/host8/target8:0:0/8:0:0:0', 'sde', 0, { sde1: '8:65' });
  fs.writeFileSync(
    path.join(root, 'proc', 'self', 'mountinfo'),
    [
      '22 1 8:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw,errors=remount-ro',
      '23 22 8:1 / /boot/efi rw,relatime shared:2 - vfat /dev/sda1 rw,fmask=0077,dmask=0077,codepage=437,iocharset=ascii',
      '24 22 8:33 / /data rw,relatime shared:3 - ext4 /dev/sdc1 rw',
      '25 22 0:45 / /tmp rw,nosuid,nodev shared:4 - tmpfs tmpfs rw,size=8088132k',
      '26 22 0:50 / /home/uos/共享 rw,relatime shared:5 - cifs //192.168.1.10/财政 rw,vers=3.0',
      '27 22 8:33 /台账 /home/uos/台账 rw,relatime shared:3 - ext4 /dev/sdc1 rw',
      '40 22 8:17 / /media/uos/KINGSTON rw,nosuid,nodev,relatime shared:10 - vfat /dev/sdb1 rw,uid=1000,gid=1000,fmask=0022,dmask=0022,codepage=936,iocharset=utf8,shortname=mixed,showexec,utf8,flush,errors=remount-ro',
      '41 22 8:49 / /run/media/kylin/U盘\\040工作 rw,nosuid,nodev,relatime shared:11 - exfat /dev/sdd1 rw,uid=1000,gid=1000,fmask=0022,dmask=0022,iocharset=utf8,errors=remount-ro',
      '42 22 8:17 /备份 /home/uos/U盘备份 rw,nosuid,nodev,relatime shared:10 - vfat /dev/sdb1 rw,codepage=936,iocharset=utf8',
      '44 22 8:49 /报表 /home/kylin/报表 rw,nosuid,nodev,relatime shared:11 - exfat /dev/sdd1 rw,iocharset=utf8',
      '43 22 8:65 / /mnt/报送 rw,nosuid,nodev,relatime shared:12 - ntfs3 /dev/sde1 rw,uid=1000,gid=1000,iocharset=utf8',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(root, 'run', 'mount', 'utab'),
    [
      'SRC=/dev/sda1 TARGET=/boot/efi ROOT=/ OPTS=x-systemd.automount',
      'SRC=/dev/sde1 TARGET=/mnt/报送 ROOT=/ OPTS=uhelper=udisks2',
      '',
    ].join('\n'),
  );
  // The folders that exist, and a link in the home folder pointing onto the stick.
  for (const dir of ['media/uos/KINGSTON', 'run/media/kylin/U盘 工作', 'data/台账', 'home/uos'])
    fs.mkdirSync(path.join(root, dir), { recursive: true });
  fs.symlinkSync(path.join('..', '..', 'media', 'uos', 'KINGSTON'), path.join(root, 'home', 'uos', '桌面U盘'));
  return root;
}

describe('whether a path is on removable media, on UOS and Kylin', () => {
  const root = fakeMachine();
  const probe = (file: string) => removableMediaOf(file, { platform: 'linux', root });

  it('refuses a Kingston stick at /media/uos/KINGSTON on the evidence of its removable flag', () => {
    expect(probe('/media/uos/KINGSTON/台账.db')).toEqual({
      mount: '/media/uos/KINGSTON',
      why: '/media/uos/KINGSTON 所在的块设备 8:17 标记为可移动（/sys/dev/block/8:17/../removable = 1）',
    });
    // A ledger not created yet, in a folder not made yet, is on the stick too.
    expect(probe('/media/uos/KINGSTON/2023/新台账.db')?.mount).toBe('/media/uos/KINGSTON');
  });

  it('finds a Kylin stick with a Chinese label and a space, by its udisks2 mount point when the flag says fixed', () => {
    expect(probe('/run/media/kylin/U盘 工作/台账.db')).toEqual({
      mount: '/run/media/kylin/U盘 工作',
      why: '/run/media/kylin/U盘 工作 所在的设备 8:49 挂载在 /run/media/kylin/U盘 工作，这是 udisks2 挂载U盘等可移动磁盘的位置（/run/media/）',
    });
  });

  it('finds a stick udisks2 mounted elsewhere by its file system and uhelper=udisks2, but not the vfat EFI partition', () => {
    expect(probe('/mnt/报送/台账.db')?.why).toBe('/mnt/报送 是由 udisks2 挂载的 ntfs3 文件系统（uhelper=udisks2），U盘的常见格式');
    expect(probe('/boot/efi/台账.db')).toBeNull();
  });

  it('follows links and bind mounts to the device behind them', () => {
    expect(probe('/home/uos/桌面U盘/台账.db')?.mount).toBe('/media/uos/KINGSTON');
    // A folder of the stick bound into the home folder is still the stick.
    expect(probe('/home/uos/U盘备份/台账.db')?.why).toContain('块设备 8:17 标记为可移动');
    // So is a folder of the Kylin USB SSD, known by where udisks2 mounted the same device.
    expect(probe('/home/kylin/报表/台账.db')?.why).toContain('所在的设备 8:49 挂载在 /run/media/kylin/U盘 工作');
    // A folder of the SATA data disk bound into the home folder is not.
    expect(probe('/home/uos/台账/台账.db')).toBeNull();
  });

  it('leaves the root file system, a SATA data disk, /tmp in memory and a network share alone', () => {
    for (const file of ['/home/uos/文档/台账.db', '/data/台账/台账.db', '/tmp/台账.db', '/home/uos/共享/台账.db', '/media-backup/台账.db'])
      expect(probe(file), file).toBeNull();
  });

  it('never blocks a ledger when the machine cannot be read', () => {
    expect(removableMediaOf('/media/uos/KINGSTON/台账.db', { platform: 'linux', root: path.join(root, '没有这个文件夹') })).toBeNull();
  });

  it('does not call the temp folder tests use removable, on this machine', () => {
    expect(removableMediaOf(path.join(os.tmpdir(), '台账.db'))).toBeNull();
  });
});

describe('whether a path is on removable media, on Windows', () => {
  const asked: string[] = [];
  const windows = (answer: string | Error) => (file: string) =>
    removableMediaOf(file, {
      platform: 'win32',
      env: { SystemDrive: 'C:' },
      runPowerShell: (command) => {
        asked.push(command);
        if (answer instanceof Error) throw answer;
        return answer;
      },
    });

  it('refuses a drive Windows calls Removable, asking for the drive letter only', () => {
    expect(windows('Removable\r\n')('e:\\绩效\\台账.db')).toEqual({
      mount: 'E:\\',
      why: 'Windows 报告 E: 盘的驱动器类型为 Removable（可移动磁盘）',
    });
    expect(asked.at(-1)).toBe("[System.IO.DriveInfo]::new('E:').DriveType");
    expect(windows('Removable')('\\\\?\\F:\\很长的路径\\台账.db')?.mount).toBe('F:\\');
  });

  it('opens on a fixed disk, and when PowerShell cannot be asked', () => {
    expect(windows('Fixed\r\n')('D:\\台账\\2023.db')).toBeNull();
    expect(windows('Network')('Z:\\台账.db')).toBeNull();
    expect(windows(new Error('spawnSync powershell.exe ETIMEDOUT'))('E:\\台账.db')).toBeNull();
  });

  it('asks nothing for the system drive or a network share', () => {
    const before = asked.length;
    expect(windows('Removable')('C:\\Users\\张三\\AppData\\Roaming\\绩效台账\\ledger.db')).toBeNull();
    expect(windows('Removable')('\\\\fileserver\\财政\\台账.db')).toBeNull();
    expect(asked).toHaveLength(before);
  });
});

describe('on a Mac (developers)', () => {
  it('calls a volume under /Volumes removable', () => {
    const root = tempFolder();
    fs.mkdirSync(path.join(root, 'Volumes', 'KINGSTON'), { recursive: true });
    expect(removableMediaOf('/Volumes/KINGSTON/台账.db', { platform: 'darwin', root })?.mount).toBe('/Volumes/KINGSTON');
    expect(removableMediaOf('/Users/dev/台账.db', { platform: 'darwin', root })).toBeNull();
  });
});

describe('opening a ledger on a stick', () => {
  /** Everything under `stick` is on the stick, as the probe would say of E:\ or /media/uos/KINGSTON. */
  const stickProbe =
    (stick: string): RemovableMediaProbe =>
    (file) =>
      path.resolve(file).startsWith(stick + path.sep) ? { mount: stick, why: `${stick} 是测试用的U盘` } : null;

  it('is refused with the way out: copy it to the disk, or restore the snapshot in 设置 → 备份与恢复', () => {
    const stick = tempFolder();
    const file = path.join(stick, '台账.db');
    fs.writeFileSync(file, 'x');
    expect(() => refuseRemovableLedger(file, stickProbe(stick))).toThrow(
      `台账文件 ${file} 在U盘（可移动磁盘）上。台账不能直接在U盘上打开：拔出U盘或写入中断会损坏台账。请先把它复制到本机硬盘`,
    );
    expect(() => refuseRemovableLedger(file, stickProbe(stick))).toThrow(/设置 → 备份与恢复.*（判断依据：.* 是测试用的U盘）/);
  });

  it('is refused by every command on the ledger, which stays untouched; a backup may still go to the stick and come back', async () => {
    const disk = tempFolder();
    const stick = tempFolder();
    const run = cliRunner(new Date('2024-03-01T08:00:00Z'), { removableMedia: stickProbe(stick) });
    const onDisk = path.join(disk, '台账.db');
    expect((await run('init', onDisk, '--year', '2023')).code).toBe(0);
    // The clerk copies the ledger onto the stick and tries to work on it there.
    const onStick = path.join(stick, '台账.db');
    fs.copyFileSync(onDisk, onStick);
    const before = fs.readFileSync(onStick);
    for (const argv of [
      ['check', '--ledger', onStick],
      ['report', 'summary', '--ledger', onStick, '--year', '2023'],
      ['restore', path.join(disk, '任意.db'), '--ledger', onStick],
    ]) {
      const refused = await run(...argv);
      expect(refused.code, argv.join(' ')).toBe(1);
      expect(refused.err).toContain(`台账文件 ${onStick} 在U盘（可移动磁盘）上`);
    }
    expect(fs.readFileSync(onStick)).toEqual(before);
    expect(fs.existsSync(`${onStick}-wal`)).toBe(false);

    const created = await run('init', path.join(stick, '新台账.db'));
    expect(created.code).toBe(1);
    expect(created.err).toContain('不能在U盘（可移动磁盘）上新建台账');
    expect(fs.existsSync(path.join(stick, '新台账.db'))).toBe(false);

    // A snapshot on the stick is read, not opened in place: backup to it and restore from it both work.
    const snapshot = path.join(stick, '台账快照.db');
    expect((await run('backup', '--ledger', onDisk, '--out', snapshot)).code).toBe(0);
    const restored = await run('restore', snapshot, '--ledger', path.join(disk, '恢复的台账.db'), '--json');
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.out)).toMatchObject({ ok: true, restoredFrom: snapshot });
    expect((await run('check', '--ledger', path.join(disk, '恢复的台账.db'))).code).toBe(0);
  });
});
