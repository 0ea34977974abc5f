package io.github.alembicmaven.core.git;

import io.github.alembicmaven.core.script.RevisionScript;
import io.github.alembicmaven.core.script.ScriptReadResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The migration files of a base ref, read from the git object database by {@link BaseRefReader}.
 *
 * @param ref the ref as given ({@code origin/main}, {@code main}, a tag, a commit id)
 * @param commitId the commit the ref resolved to (40 hex digits)
 * @param repositoryRoot the repository's working tree (real path)
 * @param shallow whether the repository is a shallow clone
 * @param files the version files at the base, in Alembic's load order
 * @param reads what each of {@code files} declares (same order; paths are the files' display paths)
 * @param mergeBaseCommitId the merge base of {@code HEAD} and the base commit, or {@code null} when it cannot be
 *     determined (unborn {@code HEAD}, unrelated histories, or history cut off by a shallow clone)
 * @param mergeBaseRevisions the revision ids declared at the merge base, or {@code null} when it is unknown
 * @param contents each file's bytes by display path (for readers of more than the revision attributes, e.g. the
 *     {@code upgrade()} operations of a base-only revision); use {@link #content(Path)}
 */
public record BaseSnapshot(
        String ref,
        String commitId,
        Path repositoryRoot,
        boolean shallow,
        List<BaseFile> files,
        List<ScriptReadResult> reads,
        String mergeBaseCommitId,
        Set<String> mergeBaseRevisions,
        Map<Path, byte[]> contents) {

    public BaseSnapshot {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(commitId, "commitId");
        Objects.requireNonNull(repositoryRoot, "repositoryRoot");
        files = List.copyOf(files);
        reads = List.copyOf(reads);
        if (files.size() != reads.size()) {
            throw new IllegalArgumentException("one read per file: " + files.size() + " files, " + reads.size());
        }
        mergeBaseRevisions = mergeBaseRevisions == null ? null : Set.copyOf(mergeBaseRevisions);
        contents = Map.copyOf(contents);
    }

    /**
     * The bytes of a base file.
     *
     * @param displayPath a file's {@link BaseFile#displayPath()} (the path of its {@link ScriptReadResult})
     * @return a copy of the content, or empty for a path that is no base file
     */
    public Optional<byte[]> content(Path displayPath) {
        byte[] b = contents.get(displayPath);
        return b == null ? Optional.empty() : Optional.of(b.clone());
    }

    /** The revisions that could be read at the base, in load order (their paths are display paths). */
    public List<RevisionScript> scripts() {
        return ScriptReadResult.scriptsOf(reads);
    }

    /** The file whose display path is {@code displayPath}. */
    public Optional<BaseFile> file(Path displayPath) {
        for (BaseFile f : files) {
            if (f.displayPath().equals(displayPath)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The merge base's commit id, when known. */
    public Optional<String> mergeBase() {
        return Optional.ofNullable(mergeBaseCommitId);
    }

    /** {@code commitId} abbreviated to 12 hex digits, for messages. */
    public String shortCommitId() {
        return commitId.substring(0, Math.min(12, commitId.length()));
    }
}
