package io.github.alembicmaven.core.git;

import io.github.alembicmaven.core.AlembicConfigException;
import io.github.alembicmaven.core.Analysis;
import io.github.alembicmaven.core.config.PythonText;
import io.github.alembicmaven.core.script.RevisionScriptReader;
import io.github.alembicmaven.core.script.ScriptReadResult;
import io.github.alembicmaven.core.script.VersionFileLocator;
import java.io.File;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads the version files of a git ref straight from the object database with JGit: no checkout, no {@code git}
 * executable. Works in linked worktrees ({@code .git} file), on a detached {@code HEAD} and in shallow clones as long
 * as the ref's commit is present.
 *
 * <p>The ref resolves as {@code git rev-parse} does ({@link Repository#resolve}): a full ref, then {@code refs/},
 * {@code refs/tags/}, {@code refs/heads/}, {@code refs/remotes/} and {@code refs/remotes/<name>/HEAD}; a commit id
 * (abbreviated or not) and expressions such as {@code main~1} work too; an annotated tag is peeled to its commit.
 *
 * <p>The base is listed with the working tree's settings: each version location is taken relative to the
 * repository root and listed in the base commit's tree with Alembic's rules ({@link
 * VersionFileLocator#isSourceRevFile}, {@link VersionFileLocator#scansFilesOf}, files in Python's sorted order before
 * sub-directories, sub-directories only with {@code recursive_version_locations}). Deviations from a checkout: a
 * symbolic link or submodule at the base is not followed, and compiled {@code .pyc}/{@code .pyo} files are ignored
 * (they cannot be read statically either way); a change of {@code version_locations} between the base and the
 * working tree is not seen.
 */
public final class BaseRefReader {
    private BaseRefReader() {}

    /**
     * Reads the base ref for the tree of {@code working} (its project directory, version locations, recursion and
     * constants).
     *
     * @param working the working tree's analysis (must be {@link Analysis#configured()})
     * @param ref the base ref ({@code origin/main}, {@code main}, a tag, a commit id)
     * @return the base's files and what they declare
     * @throws BaseRefException when the repository or the ref's commit cannot be found
     * @throws AlembicConfigException when a version location lies outside the repository, or on an I/O error
     */
    public static BaseSnapshot read(Analysis working, String ref) throws AlembicConfigException {
        if (!working.configured()) {
            throw new IllegalArgumentException("no Alembic configuration: nothing to compare with " + ref);
        }
        return read(working.basedir(), working.settings().versionLocations(),
                working.settings().recursiveVersionLocations(), working.request().constants(), ref);
    }

    /**
     * Reads the version files of {@code ref}.
     *
     * @param basedir the project directory (the repository is found in it or a parent directory)
     * @param versionLocations the working tree's version locations (absolute, or relative to {@code basedir})
     * @param recursive {@code recursive_version_locations}
     * @param constants values for names that cannot be resolved statically (as for the working tree)
     * @param ref the base ref
     * @return the base's files and what they declare
     * @throws BaseRefException when the repository or the ref's commit cannot be found
     * @throws AlembicConfigException when a version location lies outside the repository, or on an I/O error
     */
    public static BaseSnapshot read(Path basedir, List<Path> versionLocations, boolean recursive,
            Map<String, String> constants, String ref) throws AlembicConfigException {
        if (ref == null || ref.isBlank()) {
            throw new IllegalArgumentException("ref is blank");
        }
        String name = ref.strip();
        try (Repository repo = open(basedir, name)) {
            Path root = workTree(repo, name);
            ObjectId id = resolve(repo, root, name);
            boolean shallow = !repo.getObjectDatabase().getShallowCommits().isEmpty();
            try (RevWalk walk = new RevWalk(repo)) {
                RevCommit commit = commit(walk, id, name, root, repo);
                List<String> locations = new ArrayList<>();
                for (Path location : versionLocations) {
                    locations.add(repositoryRelative(root, basedir.resolve(location)));
                }
                ObjectReader reader = walk.getObjectReader();
                List<Listed> listed = list(reader, commit, locations, recursive);
                RevisionScriptReader scripts = new RevisionScriptReader(constants);
                List<BaseFile> files = new ArrayList<>(listed.size());
                byte[][] contents = new byte[listed.size()][];
                for (int i = 0; i < listed.size(); i++) {
                    Listed l = listed.get(i);
                    files.add(new BaseFile(l.path, displayPath(name, l.path), root.resolve(l.path), l.blob.name()));
                    contents[i] = reader.open(l.blob, Constants.OBJ_BLOB).getBytes(Integer.MAX_VALUE);
                }
                ScriptReadResult[] reads = new ScriptReadResult[files.size()];
                IntStream.range(0, reads.length).parallel()
                        .forEach(i -> reads[i] = scripts.readAt(files.get(i).displayPath(), contents[i]));
                MergeBase mergeBase = mergeBase(repo, walk, commit, locations, recursive, scripts, files, reads);
                Map<Path, byte[]> byPath = new HashMap<>();
                for (int i = 0; i < contents.length; i++) {
                    byPath.put(files.get(i).displayPath(), contents[i]);
                }
                return new BaseSnapshot(name, commit.name(), root, shallow, files, List.of(reads),
                        mergeBase == null ? null : mergeBase.commitId, mergeBase == null ? null : mergeBase.revisions,
                        byPath);
            }
        } catch (IOException e) {
            throw new AlembicConfigException("Cannot read base ref '" + name + "' from the git repository of "
                    + basedir + ": " + e, e);
        }
    }

    // --- repository and ref ----------------------------------------------------------------------------------------

    private static Repository open(Path basedir, String ref) throws BaseRefException, IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(basedir.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            throw new BaseRefException(ref, "alembic.baseRef=" + ref + " needs a git repository, but "
                    + basedir.toAbsolutePath() + " is not inside one (no .git in it or any parent directory). Run"
                    + " the check in a git checkout, or leave alembic.baseRef unset.", null);
        }
        return builder.setMustExist(true).build();
    }

    private static Path workTree(Repository repo, String ref) throws BaseRefException, IOException {
        if (repo.isBare()) {
            throw new BaseRefException(ref, "alembic.baseRef=" + ref + " needs a working tree, but "
                    + repo.getDirectory() + " is a bare repository.", null);
        }
        return repo.getWorkTree().toPath().toRealPath();
    }

    private static ObjectId resolve(Repository repo, Path root, String ref) throws BaseRefException, IOException {
        ObjectId id;
        try {
            id = repo.resolve(ref);
        } catch (AmbiguousObjectException e) {
            throw new BaseRefException(ref, "Base ref '" + ref + "' is ambiguous in " + root + ": it abbreviates "
                    + e.getCandidates().size() + " objects. Give more digits of the commit id, or a full ref name"
                    + " such as refs/remotes/origin/main.", e);
        } catch (RevisionSyntaxException e) {
            throw new BaseRefException(ref, "Base ref '" + ref + "' is not a valid git revision ("
                    + e.getMessage() + "). Give a branch (main), a remote-tracking branch (origin/main), a tag or a"
                    + " commit id.", e);
        } catch (MissingObjectException e) {
            throw missing(repo, root, ref, e.getObjectId(), e);
        } catch (IncorrectObjectTypeException e) {
            throw new BaseRefException(ref, "Base ref '" + ref + "' does not name a commit (" + e.getMessage()
                    + ").", e);
        }
        if (id == null) {
            boolean shallow = !repo.getObjectDatabase().getShallowCommits().isEmpty();
            throw new BaseRefException(ref, "Base ref '" + ref + "' not found in " + root + ": no branch,"
                    + " remote-tracking branch, tag or commit of that name" + (shallow ? " (this is a shallow clone,"
                    + " which holds only what was fetched)" : "") + ". " + fetchHint(repo, ref), null);
        }
        return id;
    }

    private static RevCommit commit(RevWalk walk, ObjectId id, String ref, Path root, Repository repo) throws BaseRefException, IOException {
        try {
            return walk.parseCommit(id);
        } catch (MissingObjectException e) {
            throw missing(repo, root, ref, id, e);
        } catch (IncorrectObjectTypeException e) {
            throw new BaseRefException(ref, "Base ref '" + ref + "' names " + id.name() + ", which is not a commit"
                    + " (" + e.getMessage() + "). Give a branch, a tag or a commit id.", e);
        }
    }

    private static BaseRefException missing(Repository repo, Path root, String ref, ObjectId id, Exception cause)
            throws IOException {
        boolean shallow = !repo.getObjectDatabase().getShallowCommits().isEmpty();
        return new BaseRefException(ref, "Base ref '" + ref + "' resolves to commit "
                + (id == null ? "?" : id.name()) + ", but that commit is not in the local object database of " + root
                + (shallow ? " (this is a shallow clone, which holds only the history that was fetched)" : "")
                + ". " + fetchHint(repo, ref), cause);
    }

    /**
     * How to make {@code ref} available: {@code origin/main} → {@code git fetch --depth=50 origin main}; a name that
     * exists as a remote-tracking branch → use that; anything else → fetch it from {@code origin} (or the only remote).
     */
    static String fetchHint(Repository repo, String ref) throws IOException {
        Set<String> remotes = new LinkedHashSet<>(repo.getRemoteNames());
        String remote = remotes.contains("origin") || remotes.isEmpty() ? "origin" : remotes.iterator().next();
        Set<String> candidates = new LinkedHashSet<>(remotes);
        candidates.add("origin");
        for (String r : candidates) {
            if (ref.startsWith(r + "/") && ref.length() > r.length() + 1) {
                return "In a shallow clone, fetch it with 'git fetch --depth=50 " + r + " "
                        + ref.substring(r.length() + 1) + "' (in CI, fetch the base branch before the build, e.g."
                        + " actions/checkout with fetch-depth: 0).";
            }
        }
        for (String r : remotes) {
            if (repo.exactRef(Constants.R_REMOTES + r + "/" + ref) != null) {
                return "There is a remote-tracking branch '" + r + "/" + ref + "': pass -Dalembic.baseRef=" + r + "/"
                        + ref + ".";
            }
        }
        if (ref.matches("[0-9a-fA-F]{7,64}")) {
            return "Fetch it with 'git fetch --depth=50 " + remote + " " + ref + "', or deepen the clone with 'git"
                    + " fetch --deepen=50 " + remote + "'.";
        }
        return "Fetch it with 'git fetch --depth=50 " + remote + " " + ref + "' and pass the remote-tracking branch"
                + " (-Dalembic.baseRef=" + remote + "/" + ref + "), or a commit id that is present.";
    }

    /** {@code location} relative to the repository root, with {@code /} ({@code ""} for the root itself). */
    private static String repositoryRelative(Path root, Path location) throws AlembicConfigException {
        Path real = realPathOfExistingPrefix(location.toAbsolutePath().normalize());
        if (!real.startsWith(root)) {
            throw new AlembicConfigException("Version location " + location + " is outside the git repository "
                    + root + ": alembic.baseRef can only compare files that git tracks.");
        }
        return root.relativize(real).toString().replace(File.separatorChar, '/');
    }

    /** The real path of the longest existing prefix of {@code p}, with the rest appended (a deleted directory). */
    private static Path realPathOfExistingPrefix(Path p) {
        Path existing = p;
        Path rest = null;
        while (existing != null) {
            try {
                Path real = existing.toRealPath();
                return rest == null ? real : real.resolve(rest);
            } catch (IOException e) {
                Path name = existing.getFileName();
                if (name == null) {
                    return p;
                }
                rest = rest == null ? name : name.resolve(rest);
                existing = existing.getParent();
            }
        }
        return p;
    }

    /**
     * {@code <ref>:<gitPath>} as a relative path; where the platform forbids that name (a {@code :} on Windows) the
     * ref's forbidden characters become {@code _}.
     */
    static Path displayPath(String ref, String gitPath) {
        try {
            return Path.of(ref + ":" + gitPath);
        } catch (InvalidPathException e) {
            return Path.of(ref.replaceAll("[<>:\"|?*\\\\]", "_") + "_" + gitPath);
        }
    }

    // --- listing ---------------------------------------------------------------------------------------------------

    private record Listed(String path, ObjectId blob) {}

    private static List<Listed> list(ObjectReader reader, RevCommit commit, List<String> locations,
            boolean recursive) throws IOException {
        List<Listed> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String location : locations) {
            ObjectId tree;
            if (location.isEmpty()) {
                tree = commit.getTree();
            } else {
                try (TreeWalk at = TreeWalk.forPath(reader, location, commit.getTree())) {
                    if (at == null || (at.getRawMode(0) & FileMode.TYPE_MASK) != FileMode.TYPE_TREE) {
                        continue; // missing at the base: skipped, as Alembic skips a missing location
                    }
                    tree = at.getObjectId(0);
                }
            }
            directory(reader, tree, location, recursive, out, seen);
        }
        return out;
    }

    /** One directory in Alembic's order: its revision files sorted, then (with recursion) its sub-directories. */
    private static void directory(ObjectReader reader, ObjectId tree, String path, boolean recursive,
            List<Listed> out, Set<String> seen) throws IOException {
        Map<String, ObjectId> files = new HashMap<>();
        Map<String, ObjectId> dirs = new HashMap<>();
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(tree);
            walk.setRecursive(false);
            while (walk.next()) {
                int type = walk.getRawMode(0) & FileMode.TYPE_MASK;
                if (type == FileMode.TYPE_TREE) {
                    dirs.put(walk.getNameString(), walk.getObjectId(0));
                } else if (type == FileMode.TYPE_FILE) {
                    files.put(walk.getNameString(), walk.getObjectId(0));
                }
            }
        }
        String dirName = path.isEmpty() ? "" : path.substring(path.lastIndexOf('/') + 1);
        String prefix = path.isEmpty() ? "" : path + "/";
        if (VersionFileLocator.scansFilesOf(dirName)) {
            for (String name : sorted(files.keySet())) {
                if (VersionFileLocator.isSourceRevFile(name) && seen.add(prefix + name)) {
                    out.add(new Listed(prefix + name, files.get(name)));
                }
            }
        }
        if (recursive) {
            for (String name : sorted(dirs.keySet())) {
                directory(reader, dirs.get(name), prefix + name, true, out, seen);
            }
        }
    }

    private static List<String> sorted(Set<String> names) {
        List<String> out = new ArrayList<>(names);
        out.sort(PythonText.CODE_POINT_ORDER);
        return out;
    }

    // --- merge base ------------------------------------------------------------------------------------------------

    private record MergeBase(String commitId, Set<String> revisions) {}

    /**
     * The merge base of {@code HEAD} and the base commit, and the revision ids declared there; {@code null} when it
     * cannot be determined. Files whose blob is the base's are not read again.
     */
    private static MergeBase mergeBase(Repository repo, RevWalk walk, RevCommit base, List<String> locations,
            boolean recursive, RevisionScriptReader scripts, List<BaseFile> files, ScriptReadResult[] reads) {
        try {
            ObjectId head = repo.resolve(Constants.HEAD);
            if (head == null) {
                return null;
            }
            RevCommit mergeBase;
            try (RevWalk mb = new RevWalk(repo)) {
                mb.setRevFilter(RevFilter.MERGE_BASE);
                mb.markStart(mb.parseCommit(head));
                mb.markStart(mb.parseCommit(base));
                mergeBase = mb.next();
                if (mergeBase == null || mb.next() != null) {
                    return null; // unrelated, cut off by a shallow clone, or criss-cross (several merge bases)
                }
            }
            Map<String, String> knownBlobs = new HashMap<>();
            for (int i = 0; i < files.size(); i++) {
                if (reads[i].script() != null) {
                    knownBlobs.put(files.get(i).blobId(), reads[i].script().revision());
                }
            }
            Set<String> revisions = new HashSet<>();
            ObjectReader reader = walk.getObjectReader();
            for (Listed l : list(reader, walk.parseCommit(mergeBase), locations, recursive)) {
                String id = knownBlobs.get(l.blob.name());
                if (id == null) {
                    byte[] content = reader.open(l.blob, Constants.OBJ_BLOB).getBytes(Integer.MAX_VALUE);
                    ScriptReadResult r = scripts.readAt(Path.of(l.path), content);
                    id = r.script() == null ? null : r.script().revision();
                }
                if (id != null) {
                    revisions.add(id);
                }
            }
            return new MergeBase(mergeBase.name(), revisions);
        } catch (IOException | RuntimeException e) {
            return null; // history not available (shallow): the comparison falls back to paths
        }
    }
}
