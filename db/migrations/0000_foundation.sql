CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`before` text,
	`after` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `budget_units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text,
	`name` text NOT NULL,
	`parent_id` integer,
	`classified` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `budget_units`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `budget_units_name_unique` ON `budget_units` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `budget_units_code_unique` ON `budget_units` (`code`);--> statement-breakpoint
CREATE INDEX `budget_units_parent` ON `budget_units` (`parent_id`);--> statement-breakpoint
CREATE TABLE `fiscal_years` (
	`year` integer PRIMARY KEY NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`rule_set` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "fiscal_years_year_range" CHECK("fiscal_years"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE `indicator_classes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_classes_name_unique` ON `indicator_classes` (`name`);--> statement-breakpoint
CREATE TABLE `indicators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`class_id` integer NOT NULL,
	`level1` text NOT NULL,
	`level2` text NOT NULL,
	`name` text NOT NULL,
	`nature` text NOT NULL,
	`unit` text,
	`explanation` text,
	`standard` text,
	`keywords` text,
	`reference_hint` text,
	`mandatory` integer DEFAULT false NOT NULL,
	`retired_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`class_id`) REFERENCES `indicator_classes`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicators_class_name_unique` ON `indicators` (`class_id`,`name`);--> statement-breakpoint
CREATE INDEX `indicators_class` ON `indicators` (`class_id`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`code` text,
	`name` text NOT NULL,
	`project_type` text NOT NULL,
	`budget_kind` text NOT NULL,
	`initial_budget_fen` integer DEFAULT 0 NOT NULL,
	`continuity` text NOT NULL,
	`major_policy` integer DEFAULT false NOT NULL,
	`library_status` text DEFAULT 'reserve' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`year`) REFERENCES `fiscal_years`(`year`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`unit_id`) REFERENCES `budget_units`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "projects_budget_nonnegative" CHECK("projects"."initial_budget_fen" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `projects_year_code_unique` ON `projects` (`year`,`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `projects_year_unit_name_unique` ON `projects` (`year`,`unit_id`,`name`);--> statement-breakpoint
CREATE INDEX `projects_unit` ON `projects` (`unit_id`);