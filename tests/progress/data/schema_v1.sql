-- The first quizapp progress schema (version 1), frozen: never edit this file.
-- tests/progress/test_migrations.py builds a database from it and upgrades it.

CREATE TABLE classes (
	id VARCHAR(36) NOT NULL,
	name VARCHAR(100) NOT NULL,
	archived BOOLEAN NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	PRIMARY KEY (id)
);

CREATE TABLE meta (
	"key" VARCHAR(64) NOT NULL,
	value TEXT NOT NULL,
	PRIMARY KEY ("key")
);

CREATE TABLE packs (
	id VARCHAR(80) NOT NULL,
	version VARCHAR(20) NOT NULL,
	title TEXT NOT NULL,
	folder TEXT NOT NULL,
	installed_at VARCHAR(32) NOT NULL,
	enabled BOOLEAN NOT NULL,
	PRIMARY KEY (id)
);

CREATE TABLE settings (
	"key" VARCHAR(120) NOT NULL,
	value TEXT NOT NULL,
	PRIMARY KEY ("key")
);

CREATE TABLE learners (
	id VARCHAR(36) NOT NULL,
	display_name VARCHAR(60) NOT NULL,
	class_id VARCHAR(36),
	language VARCHAR(16) NOT NULL,
	avatar_id VARCHAR(64) NOT NULL,
	text_size INTEGER NOT NULL,
	archived BOOLEAN NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(class_id) REFERENCES classes (id) ON DELETE SET NULL
);

CREATE INDEX ix_learners_class ON learners (class_id);

CREATE TABLE module_progress (
	learner_id VARCHAR(36) NOT NULL,
	pack_id VARCHAR(80) NOT NULL,
	module_id VARCHAR(80) NOT NULL,
	pack_version VARCHAR(20) NOT NULL,
	lesson_read BOOLEAN NOT NULL,
	lesson_position INTEGER NOT NULL,
	quiz_state VARCHAR(12) NOT NULL,
	quiz_run_id VARCHAR(36),
	question_order TEXT NOT NULL,
	question_index INTEGER NOT NULL,
	best_score FLOAT,
	passed BOOLEAN NOT NULL,
	completed_at VARCHAR(32),
	updated_at VARCHAR(32) NOT NULL,
	PRIMARY KEY (learner_id, pack_id, module_id),
	FOREIGN KEY(learner_id) REFERENCES learners (id) ON DELETE CASCADE
);

CREATE TABLE quiz_runs (
	id VARCHAR(36) NOT NULL,
	learner_id VARCHAR(36) NOT NULL,
	pack_id VARCHAR(80) NOT NULL,
	pack_version VARCHAR(20) NOT NULL,
	module_id VARCHAR(80) NOT NULL,
	question_order TEXT NOT NULL,
	started_at VARCHAR(32) NOT NULL,
	finished_at VARCHAR(32),
	score_percent FLOAT,
	passed BOOLEAN,
	updated_at VARCHAR(32) NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(learner_id) REFERENCES learners (id) ON DELETE CASCADE
);

CREATE INDEX ix_quiz_runs_learner_module ON quiz_runs (learner_id, pack_id, module_id);

CREATE TABLE resume_points (
	learner_id VARCHAR(36) NOT NULL,
	pack_id VARCHAR(80) NOT NULL,
	module_id VARCHAR(80) NOT NULL,
	stage VARCHAR(12) NOT NULL,
	position INTEGER NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	PRIMARY KEY (learner_id),
	FOREIGN KEY(learner_id) REFERENCES learners (id) ON DELETE CASCADE
);

CREATE TABLE attempts (
	id VARCHAR(36) NOT NULL,
	learner_id VARCHAR(36) NOT NULL,
	quiz_run_id VARCHAR(36) NOT NULL,
	pack_id VARCHAR(80) NOT NULL,
	pack_version VARCHAR(20) NOT NULL,
	module_id VARCHAR(80) NOT NULL,
	question_id VARCHAR(80) NOT NULL,
	question_type VARCHAR(20) NOT NULL,
	answer_json TEXT NOT NULL,
	correct BOOLEAN,
	rating VARCHAR(12),
	points_earned FLOAT NOT NULL,
	points_possible FLOAT NOT NULL,
	time_ms INTEGER NOT NULL,
	answered_at VARCHAR(32) NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(learner_id) REFERENCES learners (id) ON DELETE CASCADE,
	FOREIGN KEY(quiz_run_id) REFERENCES quiz_runs (id) ON DELETE CASCADE
);

CREATE INDEX ix_attempts_learner_time ON attempts (learner_id, answered_at);

CREATE INDEX ix_attempts_run ON attempts (quiz_run_id);

-- Rows as quizapp 0.1 (schema 1) wrote them.
INSERT INTO meta VALUES ('schema_version', '1');
INSERT INTO meta VALUES ('database_id', '0b6c3f51-9a5e-4f55-8f5a-1a2b3c4d5e6f');
INSERT INTO classes VALUES ('c1a55000-0000-4000-8000-000000000001', 'Class 5A', 0, '2024-03-01T08:00:00.000+00:00', '2024-03-01T08:00:00.000+00:00');
INSERT INTO classes VALUES ('c1a55000-0000-4000-8000-000000000002', 'جماعت ششم', 1, '2024-03-01T08:01:00.000+00:00', '2024-04-01T08:00:00.000+00:00');
INSERT INTO learners VALUES ('1ea70e50-0000-4000-8000-000000000001', 'Ayesha', 'c1a55000-0000-4000-8000-000000000001', 'ur', 'cat', 125, 0, '2024-03-01T08:05:00.000+00:00', '2024-03-02T08:05:00.000+00:00');
INSERT INTO learners VALUES ('1ea70e50-0000-4000-8000-000000000002', 'علی', NULL, 'en', '', 100, 1, '2024-03-01T08:06:00.000+00:00', '2024-03-01T08:06:00.000+00:00');
INSERT INTO quiz_runs VALUES ('4a11e000-0000-4000-8000-000000000001', '1ea70e50-0000-4000-8000-000000000001', 'online-safety', '1.2', 'passwords', '["q1","q2"]', '2024-03-02T09:00:00.000+00:00', '2024-03-02T09:05:00.000+00:00', 50.0, 0, '2024-03-02T09:05:00.000+00:00');
INSERT INTO quiz_runs VALUES ('4a11e000-0000-4000-8000-000000000002', '1ea70e50-0000-4000-8000-000000000001', 'online-safety', '1.2', 'passwords', '["q2","q1"]', '2024-03-03T09:00:00.000+00:00', NULL, NULL, NULL, '2024-03-03T09:01:00.000+00:00');
INSERT INTO attempts VALUES ('a7700000-0000-4000-8000-000000000001', '1ea70e50-0000-4000-8000-000000000001', '4a11e000-0000-4000-8000-000000000001', 'online-safety', '1.2', 'passwords', 'q1', 'single', '"b"', 1, NULL, 1.0, 1.0, 4200, '2024-03-02T09:01:00.000+00:00');
INSERT INTO attempts VALUES ('a7700000-0000-4000-8000-000000000002', '1ea70e50-0000-4000-8000-000000000001', '4a11e000-0000-4000-8000-000000000001', 'online-safety', '1.2', 'passwords', 'q2', 'scenario', '"tell-adult"', NULL, 'unsafe', 0.0, 2.0, 12000, '2024-03-02T09:04:00.000+00:00');
INSERT INTO attempts VALUES ('a7700000-0000-4000-8000-000000000003', '1ea70e50-0000-4000-8000-000000000001', '4a11e000-0000-4000-8000-000000000002', 'online-safety', '1.2', 'passwords', 'q2', 'multiple', '["a","c"]', 0, NULL, 0.5, 1.0, 800, '2024-03-03T09:01:00.000+00:00');
INSERT INTO module_progress VALUES ('1ea70e50-0000-4000-8000-000000000001', 'online-safety', 'passwords', '1.2', 1, 4, 'in_progress', '4a11e000-0000-4000-8000-000000000002', '["q2","q1"]', 1, 50.0, 0, NULL, '2024-03-03T09:01:00.000+00:00');
INSERT INTO resume_points VALUES ('1ea70e50-0000-4000-8000-000000000001', 'online-safety', 'passwords', 'quiz', 1, '2024-03-03T09:01:00.000+00:00');
INSERT INTO settings VALUES ('school_name', 'Government Girls School');
INSERT INTO settings VALUES ('help_contacts', 'Ms Khan, room 4');
INSERT INTO packs VALUES ('online-safety', '1.2', '{"en": "Online safety", "ur": "آن لائن حفاظت"}', '/opt/quizapp/questions/online-safety', '2024-03-01T07:00:00.000+00:00', 1);
