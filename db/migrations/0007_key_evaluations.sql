CREATE TABLE `evaluation_experts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`evaluation_id` integer NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`evaluation_id`) REFERENCES `key_evaluations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_experts_name` ON `evaluation_experts` (`evaluation_id`,`name`);--> statement-breakpoint
CREATE TABLE `expert_scores` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`evaluation_id` integer NOT NULL,
	`expert_id` integer NOT NULL,
	`indicator_code` text NOT NULL,
	`score` real,
	`basis` text DEFAULT '' NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`evaluation_id`) REFERENCES `key_evaluations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`expert_id`) REFERENCES `evaluation_experts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `expert_scores_expert_indicator` ON `expert_scores` (`expert_id`,`indicator_code`);--> statement-breakpoint
CREATE INDEX `expert_scores_evaluation` ON `expert_scores` (`evaluation_id`);--> statement-breakpoint
CREATE TABLE `key_evaluations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`subject` text NOT NULL,
	`project_id` integer,
	`unit_id` integer NOT NULL,
	`name` text NOT NULL,
	`selection_reason` text DEFAULT '' NOT NULL,
	`evaluator` text NOT NULL,
	`evaluator_name` text,
	`covered_fen` integer DEFAULT 0 NOT NULL,
	`aggregation` text DEFAULT 'mean' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`template_id` text,
	`framework` text DEFAULT '[]' NOT NULL,
	`findings` text,
	`recommendations` text,
	`experience` text,
	`other_notes` text,
	`total` real,
	`grade` text,
	`rule_version` text,
	`finalized_at` text,
	`notice_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`year`) REFERENCES `fiscal_years`(`year`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`unit_id`) REFERENCES `budget_units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`notice_id`) REFERENCES `rectification_notices`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "key_evaluations_subject_project" CHECK(("key_evaluations"."subject" = 'project') = ("key_evaluations"."project_id" is not null)),
	CONSTRAINT "key_evaluations_covered_nonnegative" CHECK("key_evaluations"."covered_fen" >= 0)
);
--> statement-breakpoint
CREATE INDEX `key_evaluations_year` ON `key_evaluations` (`year`);--> statement-breakpoint
CREATE INDEX `key_evaluations_project` ON `key_evaluations` (`project_id`);--> statement-breakpoint
CREATE INDEX `key_evaluations_unit` ON `key_evaluations` (`unit_id`);--> statement-breakpoint
CREATE TABLE `result_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`evaluation_id` integer NOT NULL,
	`action_type` text NOT NULL,
	`amount_fen` integer,
	`next_year_project_id` integer,
	`status` text DEFAULT 'planned' NOT NULL,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`evaluation_id`) REFERENCES `key_evaluations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`next_year_project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "result_actions_amount_nonnegative" CHECK("result_actions"."amount_fen" is null or "result_actions"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE INDEX `result_actions_evaluation` ON `result_actions` (`evaluation_id`);