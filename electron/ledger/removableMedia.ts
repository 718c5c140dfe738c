/**
 * The ledger never lives on a USB stick: a stick pulled out (or a write cut short) in the middle of a
 * SQLite transaction or WAL checkpoint damages the ledger. This module decides, from evidence the
 * operating system gives, whether a path lies on removable media, and refuses to open a ledger there.
 *
 * Where the refusal sits: db/ is the bottom layer and imports nothing of electron/ (eslint's folder
 * rules), so db/open.ts cannot call this. Every opener of a ledger the clerk names calls
 * refuseRemovableLedger first: openAppLedger (appLedger.ts: the desktop shell and the browser host)
 * and the command line (its ledgerPath(), and init/demo for the files they create).
 * LedgerSession only ever reopens the file it already holds, so it needs no check. A restore reads its
 * backup from anywhere, a stick included: restoreLedger copies the backup next to the ledger before
 * opening it, and only the ledger's own path is checked.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../../db/ledgerError';

export interface RemovableMedia {
  /** The mount point or drive holding the path, e.g. /media/uos/KINGSTON or E:\. */
  mount: string;
  /** The evidence, in zh-CN, shown in the refusal so a wrong call can be understood. */
  why: string;
}

/** Decides whether a file lies on removable media; null when it does not or cannot tell. */
export type RemovableMediaProbe = (file: string) => RemovableMedia | null;

export interface ProbeSetup {
  platform?: NodeJS.Platform;
  /** Where /proc, /sys and /run are read from, and paths resolved: / in the app; a laid-out temp folder in tests. */
  root?: string;
  env?: NodeJS.ProcessEnv;
  /** Runs a PowerShell command and returns its output; throws when it cannot be asked. */
  runPowerShell?: (command: string) => string;
}

/** What marks a Linux mount as removable media, beside the block device's own removable flag. */
export const LINUX_REMOVABLE_EVIDENCE = {
  /** Where udisks2 mounts USB sticks on UOS, Kylin and other desktop Linux. */
  mountPrefixes: ['/media/', '/run/media/'],
  /** The file systems sticks come formatted with; evidence only when udisks2 mounted them (a vfat /boot/efi is not a stick). */
  stickFileSystems: ['vfat', 'msdos', 'exfat', 'ntfs', 'ntfs3', 'fuseblk'],
  udisksOption: 'uhelper=udisks2',
  /** Network, memory and layered file systems: never a stick, whatever their mount point. */
  neverRemovable: [
    'nfs',
    'nfs4',
    'cifs',
    'smb3',
    'smbfs',
    'sshfs',
    'fuse.sshfs',
    'fuse.gvfsd-fuse',
    '9p',
    'virtiofs',
    'overlay',
    'tmpfs',
    'ramfs',
    'devtmpfs',
    'squashfs',
    'autofs',
  ],
} as const;

/** Windows' answer for DRIVE_REMOVABLE (2) from System.IO.DriveInfo.DriveType. */
const WINDOWS_REMOVABLE = 'Removable';
/** PowerShell starts in well under this; a machine too busy to answer is not held up by it. */
const POWERSHELL_TIMEOUT_MS = 5000;

export function removableMediaOf(file: string, setup: ProbeSetup = {}): RemovableMedia | null {
  const platform = setup.platform ?? process.platform;
  try {
    if (platform === 'win32') return windowsRemovable(file, setup);
    const real = realPathOf(file, setup.root ?? '/');
    if (platform === 'darwin') return macRemovable(real);
    return linuxRemovable(real, setup.root ?? '/');
  } catch {
    // We never block a ledger on a probe failure: an unreadable /proc or a drive that cannot be asked
    // is not evidence of a stick.
    return null;
  }
}

/** Throws the zh-CN refusal when the ledger file lies on removable media. */
export function refuseRemovableLedger(ledgerFile: string, probe: RemovableMediaProbe = removableMediaOf): void {
  const file = path.resolve(ledgerFile);
  const media = probe(file);
  if (!media) return;
  const harm = '拔出U盘或写入中断会损坏台账';
  const evidence = `（判断依据：${media.why}）`;
  if (!fs.existsSync(file)) {
    throw new LedgerError(
      'ledger_on_removable_media',
      `不能在U盘（可移动磁盘）上新建台账 ${file}：${harm}。请把台账建在本机硬盘上（例如“文档”文件夹中）；与其他电脑交换数据请用“导出到U盘”。${evidence}`,
    );
  }
  throw new LedgerError(
    'ledger_on_removable_media',
    `台账文件 ${file} 在U盘（可移动磁盘）上。台账不能直接在U盘上打开：${harm}。` +
      '请先把它复制到本机硬盘（例如“文档”文件夹中），再打开复制后的文件；' +
      '如果这是导出的台账快照，请把它复制到本机台账的备份文件夹（位置见 设置 → 备份与恢复），再在那里点“恢复…”，' +
      `或用命令 npm run ledger -- restore 快照文件 --ledger 本机台账。${evidence}`,
  );
}

function windowsRemovable(file: string, setup: ProbeSetup): RemovableMedia | null {
  // \\?\E:\… is the long-path form of E:\….
  const resolved = path.win32.resolve(file).replace(/^\\\\\?\\/, '');
  // UNC paths (\\server\share) are network shares, never a stick.
  const drive = /^([A-Za-z]):/.exec(resolved)?.[1]?.toUpperCase();
  if (!drive) return null;
  // The system drive is a fixed disk: no need to start PowerShell for the usual ledger in %APPDATA%.
  const systemDrive = (setup.env ?? process.env).SystemDrive?.trim().toUpperCase();
  if (systemDrive === `${drive}:`) return null;
  const run = setup.runPowerShell ?? runPowerShell;
  let answer: string;
  try {
    answer = run(`[System.IO.DriveInfo]::new('${drive}:').DriveType`).trim();
  } catch {
    // No answer (PowerShell missing, blocked or too slow): not refused, see removableMediaOf.
    return null;
  }
  if (answer !== WINDOWS_REMOVABLE) return null;
  return { mount: `${drive}:\\`, why: `Windows 报告 ${drive}: 盘的驱动器类型为 Removable（可移动磁盘）` };
}

function runPowerShell(command: string): string {
  const systemRoot = process.env.SystemRoot ?? 'C:\\Windows';
  const exe = path.win32.join(systemRoot, 'System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe');
  return execFileSync(exe, ['-NoProfile', '-NonInteractive', '-Command', command], {
    encoding: 'utf8',
    timeout: POWERSHELL_TIMEOUT_MS,
    windowsHide: true,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
}

/** For developers on a Mac: the boot volume resolves to /, so what stays under /Volumes is another volume. */
function macRemovable(real: string): RemovableMedia | null {
  const m = /^\/Volumes\/[^/]+/.exec(real);
  return m ? { mount: m[0], why: `${m[0]} 是 macOS 的外接卷，不是启动卷` } : null;
}

interface MountEntry {
  device: string;
  mountPoint: string;
  options: string[];
  fsType: string;
}

/**
 * The evidence, strongest first. The mount point and udisks2 evidence is looked for on every mount of the
 * same device, so a folder of a stick bound elsewhere (mount --bind) is still the stick.
 */
function linuxRemovable(real: string, root: string): RemovableMedia | null {
  const entries = readMountInfo(root);
  const mount = mountOf(real, entries);
  if (!mount) return null;
  const rules = LINUX_REMOVABLE_EVIDENCE;
  const fsType = mount.fsType;
  if ((rules.neverRemovable as readonly string[]).includes(fsType)) return null;
  const at = mount.mountPoint;

  const flagged = removableFlag(root, mount.device);
  if (flagged) return { mount: at, why: `${at} 所在的块设备 ${mount.device} 标记为可移动（${flagged} = 1）` };

  const sameDevice = entries.filter((e) => e.device === mount.device);
  for (const e of sameDevice) {
    const prefix = rules.mountPrefixes.find((p) => e.mountPoint.startsWith(p));
    if (prefix)
      return {
        mount: at,
        why: `${at} 所在的设备 ${mount.device} 挂载在 ${e.mountPoint}，这是 udisks2 挂载U盘等可移动磁盘的位置（${prefix}）`,
      };
  }

  if (!(rules.stickFileSystems as readonly string[]).includes(fsType)) return null;
  const byUdisks = sameDevice.find(
    (e) => e.options.includes(rules.udisksOption) || utabOptions(root, e.mountPoint).includes(rules.udisksOption),
  );
  return byUdisks ? { mount: at, why: `${at} 是由 udisks2 挂载的 ${fsType} 文件系统（${rules.udisksOption}），U盘的常见格式` } : null;
}

/**
 * /proc/self/mountinfo: "id parent major:minor root mount-point options [optional…] - fstype source
 * super-options". Later lines mount over earlier ones at the same point, so the last wins.
 */
function readMountInfo(root: string): MountEntry[] {
  const text = fs.readFileSync(path.join(root, 'proc', 'self', 'mountinfo'), 'utf8');
  const entries: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(' ');
    const dash = fields.indexOf('-');
    if (dash < 6 || fields.length < dash + 3) continue;
    entries.push({
      device: fields[2]!,
      mountPoint: unescapeMount(fields[4]!),
      options: [...fields[5]!.split(','), ...(fields[dash + 3] ?? '').split(',')],
      fsType: fields[dash + 1]!,
    });
  }
  return entries;
}

/** The kernel writes space, tab, newline and backslash in mount points as octal escapes (\040). */
function unescapeMount(text: string): string {
  return text.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)));
}

function mountOf(real: string, entries: MountEntry[]): MountEntry | null {
  let best: MountEntry | null = null;
  for (const e of entries) {
    const contains = e.mountPoint === '/' || real === e.mountPoint || real.startsWith(`${e.mountPoint}/`);
    if (contains && (!best || e.mountPoint.length >= best.mountPoint.length)) best = e;
  }
  return best;
}

/**
 * /sys/dev/block/<major:minor> links to the device's folder; a partition's folder sits inside its
 * disk's, and the disk carries the removable flag. Returns which file said 1.
 */
function removableFlag(root: string, device: string): string | null {
  const link = path.join(root, 'sys', 'dev', 'block', device);
  let folder: string;
  try {
    folder = fs.realpathSync(link);
  } catch {
    // No block device behind the mount (major 0: btrfs subvolumes, fuse): no flag to read.
    return null;
  }
  const candidates = [
    [path.join(folder, 'removable'), `/sys/dev/block/${device}/removable`],
    [path.join(path.dirname(folder), 'removable'), `/sys/dev/block/${device}/../removable`],
  ] as const;
  for (const [file, shown] of candidates) {
    try {
      if (fs.readFileSync(file, 'utf8').trim() === '1') return shown;
    } catch {
      // This level has no flag (a partition, or a disk's parent): look at the next.
    }
  }
  return null;
}

/** The userspace options libmount keeps for a mount point in /run/mount/utab (udisks2 leaves uhelper=udisks2 there). */
function utabOptions(root: string, mountPoint: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(path.join(root, 'run', 'mount', 'utab'), 'utf8');
  } catch {
    return [];
  }
  for (const line of text.split('\n')) {
    const fields = Object.fromEntries(
      line
        .trim()
        .split(' ')
        .map((f) => [f.slice(0, f.indexOf('=')), f.slice(f.indexOf('=') + 1)]),
    );
    if (fields.TARGET !== undefined && unescapeMount(fields.TARGET) === mountPoint) return (fields.OPTS ?? '').split(',');
  }
  return [];
}

/**
 * The path with every symbolic link resolved (a link in the home folder may point onto a stick). A file
 * not yet created is resolved through its nearest existing folder. Resolved inside `root`, so tests
 * lay out the folders in a temp directory.
 */
function realPathOf(file: string, root: string): string {
  const realRoot = fs.realpathSync(root);
  const absolute = path.posix.resolve(file);
  const rest: string[] = [];
  let at = absolute;
  for (;;) {
    try {
      const real = fs.realpathSync(path.join(realRoot, at));
      const inside = path.relative(realRoot, real).split(path.sep).join('/');
      return path.posix.join('/', inside, ...rest.reverse());
    } catch {
      if (at === '/') return absolute;
      rest.push(path.posix.basename(at));
      at = path.posix.dirname(at);
    }
  }
}
