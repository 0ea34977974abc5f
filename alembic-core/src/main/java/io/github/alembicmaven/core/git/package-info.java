/**
 * Checks against a git base ref ({@code alembic.baseRef}): the graph the merge would produce, read without a checkout.
 *
 * <h2>Design</h2>
 *
 * <ul>
 *   <li>{@link io.github.alembicmaven.core.git.BaseRefReader} opens the repository that contains the project
 *       directory with JGit ({@code .git} directory or linked-worktree {@code .git} file), resolves the ref as
 *       {@code git rev-parse} does, and lists the version files of the ref's commit tree with the working tree's
 *       version locations and Alembic's naming and ordering rules (shared with
 *       {@link io.github.alembicmaven.core.script.VersionFileLocator}). Blobs are read from the object database and
 *       parsed by {@link io.github.alembicmaven.core.script.RevisionScriptReader#readAt} under the display path
 *       {@code <ref>:<path>}. It also finds the merge base of {@code HEAD} and the base and the revision ids declared
 *       there, which tells "added on both sides" from "published and edited here" and "deleted here" from "added on
 *       the base since the fork". Missing pieces are {@link io.github.alembicmaven.core.git.BaseRefException}s whose
 *       message names the ref and the {@code git fetch} that provides it; a shallow clone works whenever the ref's
 *       commit is present (without the merge base the comparison falls back to paths and references, see
 *       {@link io.github.alembicmaven.core.git.BaseComparison}).
 *   <li>{@link io.github.alembicmaven.core.git.BaseComparison} takes the working tree's
 *       {@link io.github.alembicmaven.core.Analysis} and that snapshot and builds the union graph (working tree wins
 *       an id declared on both sides), then reports heads after the merge, duplicate ids across the sides and
 *       rewritten or deleted published revisions as {@link io.github.alembicmaven.core.diagnostic.Diagnostic}s with
 *       their own codes. "Published" means "declared at the base ref"; everything else in the working tree is new
 *       and may change freely.
 *   <li>Nothing here writes, runs {@code git} or touches the index or the working tree; the repository is opened
 *       read-only for the duration of one {@code read}.
 * </ul>
 *
 * Adapters call {@code BaseRefReader.read(analysis, ref)} then {@code BaseComparison.compare(analysis, snapshot,
 * policy)} and add {@code findings()} to the check; {@code converge} plans on {@code unionMap()}.
 */
package io.github.alembicmaven.core.git;
