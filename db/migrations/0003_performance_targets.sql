CREATE TABLE `performance_targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`subject` text NOT NULL,
	`project_id` integer,
	`unit_id` integer NOT NULL,
	`indicator_class_id` integer,
	`status` text DEFAULT 'draft' NOT NULL,
	`period` text,
	`mid_term_goal` text,
	`annual_goal` text DEFAULT '' NOT NULL,
	`main_tasks` text,
	`annual_total_fen` integer DEFAULT 0 NOT NULL,
	`annual_fiscal_fen` integer DEFAULT 0 NOT NULL,
	`annual_other_fen` integer DEFAULT 0 NOT NULL,
	`mid_total_fen` integer,
	`mid_fiscal_fen` integer,
	`mid_other_fen` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`year`) REFERENCES `fiscal_years`(`year`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`unit_id`) REFERENCES `budget_units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`indicator_class_id`) REFERENCES `indicator_classes`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "performance_targets_subject_project" CHECK(("performance_targets"."subject" = 'project') = ("performance_targets"."project_id" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `performance_targets_project_unique` ON `performance_targets` (`project_id`);--> statement-breakpoint
CREATE INDEX `performance_targets_year_unit` ON `performance_targets` (`year`,`unit_id`);--> statement-breakpoint
CREATE TABLE `review_opinions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`party` text NOT NULL,
	`reviewer` text,
	`completeness` text NOT NULL,
	`relevance` text NOT NULL,
	`appropriateness` text NOT NULL,
	`feasibility` text NOT NULL,
	`opinion` text DEFAULT '' NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `review_rounds`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_opinions_round_party` ON `review_opinions` (`round_id`,`party`);--> statement-breakpoint
CREATE TABLE `review_rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`target_id` integer NOT NULL,
	`round_no` integer NOT NULL,
	`started_at` text NOT NULL,
	`snapshot` text NOT NULL,
	`result` text,
	`result_note` text,
	`decided_at` text,
	`decided_by` text,
	FOREIGN KEY (`target_id`) REFERENCES `performance_targets`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_rounds_target_round` ON `review_rounds` (`target_id`,`round_no`);--> statement-breakpoint
CREATE TABLE `sync_dates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`target_id` integer NOT NULL,
	`track` text NOT NULL,
	`step` text NOT NULL,
	`date` text NOT NULL,
	FOREIGN KEY (`target_id`) REFERENCES `performance_targets`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_dates_target_track_step` ON `sync_dates` (`target_id`,`track`,`step`);--> statement-breakpoint
CREATE TABLE `target_adjustments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`target_id` integer NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`reason` text NOT NULL,
	`before` text NOT NULL,
	`after` text NOT NULL,
	FOREIGN KEY (`target_id`) REFERENCES `performance_targets`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `target_indicators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`target_id` integer NOT NULL,
	`period` text DEFAULT 'annual' NOT NULL,
	`library_indicator_id` integer,
	`level1` text NOT NULL,
	`level2` text NOT NULL,
	`name` text NOT NULL,
	`nature` text NOT NULL,
	`value` text NOT NULL,
	`unit` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`target_id`) REFERENCES `performance_targets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`library_indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `target_indicators_target` ON `target_indicators` (`target_id`);--> statement-breakpoint
CREATE INDEX `target_indicators_library` ON `target_indicators` (`library_indicator_id`);