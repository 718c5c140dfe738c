CREATE TABLE `ex_ante_assessments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`project_id` integer,
	`subject_name` text NOT NULL,
	`assessor` text NOT NULL,
	`assessor_name` text,
	`recommended_budget_fen` integer,
	`work_summary` text,
	`findings` text,
	`suggestions` text,
	`other_notes` text,
	`scores` text DEFAULT '[]' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`total` real,
	`verdict` text,
	`conclusion` text,
	`rule_version` text,
	`finalized_at` text,
	`revised_plan` text,
	`rechecked_at` text,
	`rechecked_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`year`) REFERENCES `fiscal_years`(`year`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `ex_ante_assessments_project` ON `ex_ante_assessments` (`project_id`);--> statement-breakpoint
CREATE INDEX `ex_ante_assessments_year` ON `ex_ante_assessments` (`year`);