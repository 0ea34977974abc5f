package io.github.alembicmaven.core.report;

import java.util.List;
import java.util.Objects;

/**
 * The {@code converge} object of {@code alembic-report.json}: what {@code alembic:converge} decided and wrote.
 *
 * @param status {@code converged}, {@code dry-run}, {@code written}, {@code refused}, {@code write-failed} or
 *     {@code verify-failed}
 * @param reason the plan's one-sentence reason
 * @param notes the plan's notes (bridges, heads without a common ancestor, refusal details)
 * @param files the revision files planned (dry run), written, or attempted and removed again
 * @param failure the failure message, or {@code null}
 */
public record ConvergeSection(String status, String reason, List<String> notes, List<File> files, String failure) {

    public ConvergeSection {
        Objects.requireNonNull(status, "status");
        notes = List.copyOf(notes);
        files = List.copyOf(files);
    }

    /**
     * One planned revision file.
     *
     * @param path the file, relative to the project directory
     * @param revision its revision id
     * @param downRevisions its parents, sorted
     * @param branchLabel its branch label, or {@code null}
     * @param kind {@code merge} or {@code bridge}
     * @param template the template it was rendered with
     * @param sha256 the SHA-256 of its bytes (hex), so a CI job can compare two runs
     */
    public record File(String path, String revision, List<String> downRevisions, String branchLabel, String kind,
            String template, String sha256) {
        public File {
            downRevisions = List.copyOf(downRevisions);
        }
    }
}
