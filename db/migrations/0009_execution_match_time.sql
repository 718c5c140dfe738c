ALTER TABLE `execution_matches` ADD `remembered_at` text;--> statement-breakpoint
ALTER TABLE `execution_matches` ADD `remembered_from` text;