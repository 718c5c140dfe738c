CREATE TABLE `self_evaluation_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`self_evaluation_id` integer NOT NULL,
	`action_type` text NOT NULL,
	`amount_fen` integer,
	`next_year_project_id` integer,
	`status` text DEFAULT 'planned' NOT NULL,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`self_evaluation_id`) REFERENCES `self_evaluations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`next_year_project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "self_evaluation_actions_amount_nonnegative" CHECK("self_evaluation_actions"."amount_fen" is null or "self_evaluation_actions"."amount_fen" >= 0),
	CONSTRAINT "self_evaluation_actions_status" CHECK("self_evaluation_actions"."status" in ('planned', 'applied', 'cancelled'))
);
--> statement-breakpoint
CREATE INDEX `self_evaluation_actions_evaluation` ON `self_evaluation_actions` (`self_evaluation_id`);