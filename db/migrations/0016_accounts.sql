CREATE TABLE `account_roles` (
	`account_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`account_id`, `role`),
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `account_roles_role` ON `account_roles` (`role`);--> statement-breakpoint
CREATE TABLE `accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`login_name` text NOT NULL,
	`display_name` text,
	`password_hash` text NOT NULL,
	`password_salt` text NOT NULL,
	`kdf_n` integer NOT NULL,
	`kdf_r` integer NOT NULL,
	`kdf_p` integer NOT NULL,
	`must_change_password` integer DEFAULT true NOT NULL,
	`password_changed_at` text NOT NULL,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`locked_manually` integer DEFAULT false NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "accounts_failed_nonnegative" CHECK("accounts"."failed_logins" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_login_name_unique` ON `accounts` (`login_name`);--> statement-breakpoint
CREATE TABLE `password_policy` (
	`id` integer PRIMARY KEY NOT NULL,
	`min_length` integer NOT NULL,
	`required_classes` integer NOT NULL,
	`expiry_days` integer NOT NULL,
	`lock_after_failures` integer NOT NULL,
	`lock_minutes` integer NOT NULL,
	`idle_lock_minutes` integer NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "password_policy_single_row" CHECK("password_policy"."id" = 1)
);
