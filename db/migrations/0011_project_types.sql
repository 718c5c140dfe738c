CREATE TABLE `project_types` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer NOT NULL,
	`retired` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `project_types_name_unique` ON `project_types` (`name`);--> statement-breakpoint
-- The common types as the first list (written by hand: data, not schema). Every ledger gets them here,
-- new or upgraded, so no code has to seed on open.
INSERT INTO `project_types` (`name`, `sort_order`) VALUES
	('重点建设项目', 1),
	('政府购买服务', 2),
	('政府债务', 3),
	('政府采购', 4),
	('补助补贴', 5),
	('其他运转类', 6),
	('特定目标类', 7);
--> statement-breakpoint
-- Any other type an existing ledger's projects carry joins the list, so every project's type is in it.
INSERT INTO `project_types` (`name`, `sort_order`)
SELECT `project_type`, 7 + row_number() OVER (ORDER BY `project_type`)
FROM (SELECT DISTINCT `project_type` FROM `projects` WHERE `project_type` NOT IN (SELECT `name` FROM `project_types`));
