CREATE TABLE `execution_matches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`unit_name` text NOT NULL,
	`project_name` text NOT NULL,
	`project_id` integer NOT NULL,
	FOREIGN KEY (`year`) REFERENCES `fiscal_years`(`year`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `execution_matches_key` ON `execution_matches` (`year`,`unit_name`,`project_name`);--> statement-breakpoint
CREATE TABLE `execution_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`project_id` integer NOT NULL,
	`initial_budget_fen` integer,
	`adjusted_budget_fen` integer NOT NULL,
	`executed_fen` integer NOT NULL,
	`expected_full_year_fen` integer,
	`source_file` text NOT NULL,
	`source_row` integer NOT NULL,
	`imported_at` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `monitoring_rounds`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `execution_records_round_project` ON `execution_records` (`round_id`,`project_id`);--> statement-breakpoint
CREATE TABLE `monitoring_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`target_indicator_key` text NOT NULL,
	`target_id` integer NOT NULL,
	`indicator` text NOT NULL,
	`current_value` text DEFAULT '' NOT NULL,
	`expected_value` text DEFAULT '' NOT NULL,
	`likelihood` text,
	`deviation_reason` text,
	`explanation` text,
	`corrective_action` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `monitoring_rounds`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`target_id`) REFERENCES `performance_targets`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `monitoring_entries_round_indicator` ON `monitoring_entries` (`round_id`,`target_id`,`target_indicator_key`);--> statement-breakpoint
CREATE TABLE `monitoring_rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`name` text NOT NULL,
	`as_of_month` integer NOT NULL,
	`scope` text NOT NULL,
	`due_date` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`year`) REFERENCES `fiscal_years`(`year`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "monitoring_rounds_month" CHECK("monitoring_rounds"."as_of_month" between 1 and 12)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `monitoring_rounds_year_name` ON `monitoring_rounds` (`year`,`name`);--> statement-breakpoint
CREATE TABLE `notice_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`notice_id` integer NOT NULL,
	`kind` text NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`notice_id`) REFERENCES `rectification_notices`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `rectification_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`number` text,
	`source` text NOT NULL,
	`round_id` integer,
	`project_id` integer,
	`unit_id` integer NOT NULL,
	`findings` text NOT NULL,
	`requirements` text NOT NULL,
	`deadline` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`issued_at` text,
	`closed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`year`) REFERENCES `fiscal_years`(`year`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`round_id`) REFERENCES `monitoring_rounds`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`unit_id`) REFERENCES `budget_units`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rectification_notices_number` ON `rectification_notices` (`number`);--> statement-breakpoint
CREATE INDEX `rectification_notices_year` ON `rectification_notices` (`year`);--> statement-breakpoint
CREATE TABLE `warnings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`project_id` integer NOT NULL,
	`line` text NOT NULL,
	`colour` text NOT NULL,
	`value` real,
	`text` text NOT NULL,
	`inputs` text NOT NULL,
	`rule_version` text NOT NULL,
	`computed_at` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `monitoring_rounds`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `warnings_round_project_line` ON `warnings` (`round_id`,`project_id`,`line`);