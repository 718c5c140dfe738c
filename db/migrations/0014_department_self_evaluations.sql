CREATE TABLE `department_self_evaluation_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`evaluation_id` integer NOT NULL,
	`indicator_code` text NOT NULL,
	`actual` text DEFAULT '' NOT NULL,
	`score` real,
	`explanation` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`evaluation_id`) REFERENCES `department_self_evaluations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `department_self_evaluation_entries_code` ON `department_self_evaluation_entries` (`evaluation_id`,`indicator_code`);--> statement-breakpoint
CREATE TABLE `department_self_evaluations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`template_id` text NOT NULL,
	`template_name` text NOT NULL,
	`framework` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`findings` text,
	`total` real,
	`grade` text,
	`complete` integer DEFAULT false NOT NULL,
	`rule_version` text,
	`computed_at` text,
	`submitted_at` text,
	`decided_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`year`) REFERENCES `fiscal_years`(`year`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`unit_id`) REFERENCES `budget_units`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `department_self_evaluations_year_unit` ON `department_self_evaluations` (`year`,`unit_id`);--> statement-breakpoint
CREATE INDEX `department_self_evaluations_year` ON `department_self_evaluations` (`year`);