CREATE TABLE `ledger_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`bureau_name` text NOT NULL,
	`notice_prefix` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "ledger_settings_single_row" CHECK("ledger_settings"."id" = 1)
);
