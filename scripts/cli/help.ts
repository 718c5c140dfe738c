/** The text of `npm run ledger -- help`, listing every import, export and report kind with its description. */
import { exportKinds } from './exportKinds';
import { importKinds } from './importKinds';
import { reportKinds } from './reportKinds';
import { INCLUDE_CHOICES } from './usbCommands';

export const HELP = `绩效台账 管理命令行

用法：npm run ledger -- <命令> [参数]

  init 文件 [--year 年度] [--bureau 名称]
                                           新建空台账，载入默认共性指标库（可同时建立一个预算年度）；
                                           --bureau 填写本局的财政局名称（印在整改通知落款处）
  demo 文件 [--year 年度]                  新建演示台账（轮台县，约 110 个单位、290 个项目及其绩效目标、5 月监控）
  import <类别> 文件 [--year 年度] [--ledger 台账] [--round 轮次] [--dry-run] [--json]
                                           导入工作簿；--dry-run 只检查、不写入；年度不存在时自动新建
                                           （execution 须给 --round：轮次名称、编号或截止月份；review-sheet 可加
                                           --party 单位|财政|第三方：会审方的汇总表没有写明会审方时指明）
  export <类别> [--year 年度] --out 文件 [--ledger 台账] [--unit 单位名称]
                                           导出带格式的工作簿（不覆盖已有文件）；--unit 用于
                                           targets-template、review-sheet，只导出该单位的
  （按年度的类别须给 --year；indicators 和导入 review-sheet 不需要年度）
  report <类别> --year 年度 [--ledger 台账] [--round 轮次] [--json]
                                           warnings、monitoring 须给 --round（轮次名称、编号或截止月份）
  review 文件 [--ledger 台账 --year 年度] [--json]
                                           审核单位报送的表格（重点评价评分表、指标体系表、绩效目标申报表）：
                                           按年度规则复算小计、合计和等级，逐项列出问题及所在单元格；
                                           不给台账和年度时按默认规则审核
  check [--ledger 台账] [--json]           检查台账：文件结构、外键、审计日志哈希链
  backup --out 文件 [--ledger 台账]         备份（一致性快照，不覆盖已有文件）
  restore 备份文件 [--ledger 台账]          从备份恢复；被替换的台账另存为“台账.替换前-时间”
  package --year 年度 --out 文件夹 [--ledger 台账] [--include 内容1,内容2] [--json]
                                           导出到U盘：把所选报表、工作簿和台账快照写入空文件夹，附清单（大小、SHA-256），
                                           写完读回核对；--include 可选 ${INCLUDE_CHOICES.join('、')}，缺省为全部报表和快照；
                                           targets-templates、monitoring-forms 为发给各单位的申报表、当前一轮监控表（每个单位一个文件）
  verify 文件夹 [--json]                   校验U盘文件：按清单核对，显示“完整”或逐个列出缺少、不一致和多出的文件
  import-folder 文件夹 --year 年度 [--ledger 台账] [--dry-run] [--json]
                                           从U盘导入：按台账识别码或表头识别文件夹中每个文件（申报表、监控表、自评表、
                                           专家评分表、会审意见表、项目清单、共性指标库），逐个列出单位、行数、错误和
                                           将要的改动，再逐个导入（每个文件全部导入或一项也不写入）；无法识别、已损坏
                                           的文件列出原因；有文件未导入（有错误、无法识别、已损坏或须单独导入）时退出码为 1
  accounts <子命令> --as 登录名 [--password-file 文件] [--ledger 台账] [--json]
                                           账号与角色：以 --as 账号办理，先输入其密码（终端中输入时不回显；
                                           脚本用 --password-file，第一行为密码）。子命令：
                                           list；add 登录名 [姓名]、rename 登录名 姓名、disable、enable、
                                           passwd 登录名（系统管理员；重置为一次性密码）；
                                           passwd（修改自己的密码，脚本用 --new-password-file）；
                                           roles 登录名 [角色,角色|无]、lock、unlock、policy [设置项=整数 …]（安全管理员）；
                                           init：在没有账号的台账上新建三员账号并显示一次性密码
  help                                     显示本说明

导入类别：${Object.entries(importKinds)
  .map(([k, v]) => `${k}（${v.doc}）`)
  .join('；')}
导出类别：${Object.entries(exportKinds)
  .map(([k, v]) => `${k}（${v.doc}）`)
  .join('；')}
报表类别：${Object.entries(reportKinds)
  .map(([k, v]) => `${k}（${v.doc}）`)
  .join('；')}

--ledger 缺省时与桌面程序相同：环境变量 LEDGER_PATH，否则用户数据文件夹中的 ledger.db。
--operator 姓名：写入审计日志的经办人，记为“姓名（命令行:登录名）”；缺省只记登录名。
退出码：0 成功；1 台账或文件有问题（原因见错误输出）；2 命令用法错误。`;
