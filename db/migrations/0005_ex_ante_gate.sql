-- 入库 gate, held by the ledger itself: a major new policy or project (major_policy = 1) may be in the
-- project library only when its latest final 事前评估 supports it, or supports it after revision and the
-- revised plan was re-checked. The services refuse first with a fuller message; this is the backstop
-- for every other path (imports, scripts, a future screen).
CREATE TRIGGER `projects_ex_ante_gate_insert` BEFORE INSERT ON `projects`
WHEN NEW.library_status = 'admitted' AND NEW.major_policy = 1
BEGIN
	SELECT RAISE(ABORT, 'ex_ante_gate: 该项目属于新增重大政策和项目，事前绩效评估结论为“予以支持”（或调整完善后复核通过）后才能入库');
END;
--> statement-breakpoint
CREATE TRIGGER `projects_ex_ante_gate_update` BEFORE UPDATE OF `library_status`, `major_policy` ON `projects`
WHEN NEW.library_status = 'admitted' AND NEW.major_policy = 1 AND NOT EXISTS (
	SELECT 1 FROM `ex_ante_assessments` a
	WHERE a.id = (SELECT max(b.id) FROM `ex_ante_assessments` b WHERE b.project_id = NEW.id AND b.status = 'final')
	  AND (a.verdict = 'support' OR (a.verdict = 'supportAfterRevision' AND a.rechecked_at IS NOT NULL))
)
BEGIN
	SELECT RAISE(ABORT, 'ex_ante_gate: 该项目属于新增重大政策和项目，事前绩效评估结论为“予以支持”（或调整完善后复核通过）后才能入库');
END;
