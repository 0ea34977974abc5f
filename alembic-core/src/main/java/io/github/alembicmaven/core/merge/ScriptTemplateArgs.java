package io.github.alembicmaven.core.merge;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The template variables {@code alembic merge} passes to {@code script.py.mako} ({@code ScriptDirectory
 * .generate_revision}). Python values are modelled as: {@code null} = {@code None}, {@link String} = {@code str},
 * {@link List} = {@code tuple}.
 *
 * @param upRevision {@code up_revision}: {@code str(rev_id)}
 * @param downRevision {@code down_revision}: {@code tuple_rev_as_scalar(parents)}: {@code None}, a str or a tuple
 * @param branchLabels {@code branch_labels}: {@code to_tuple(branch_label)}: {@code None} or a 1-tuple
 * @param dependsOn {@code depends_on}: always {@code None} for a merge
 * @param createDate {@code create_date}
 * @param message {@code message}: the message, or {@code "empty message"} when none was given
 * @param mainOptions what {@code config.get_main_option(name)} returns (the {@code [alembic]} section, interpolated);
 *     only the multidb template reads it ({@code databases})
 */
public record ScriptTemplateArgs(
        String upRevision,
        Object downRevision,
        List<String> branchLabels,
        Object dependsOn,
        CreateDate createDate,
        String message,
        Map<String, String> mainOptions) {

    public ScriptTemplateArgs {
        Objects.requireNonNull(upRevision, "upRevision");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(message, "message");
        if (downRevision != null && !(downRevision instanceof String)) {
            downRevision = List.copyOf((List<?>) downRevision);
        }
        branchLabels = branchLabels == null ? null : List.copyOf(branchLabels);
        mainOptions = mainOptions == null ? Map.of() : Map.copyOf(mainOptions);
    }

    /**
     * The arguments of {@code alembic merge [-m message] [--branch-label label] --rev-id revisionId parents...}.
     *
     * @param parentIds the parents in the order Alembic resolves them (that order is written)
     * @param branchLabel {@code --branch-label}, or {@code null}
     * @param message {@code -m}, or {@code null} (then {@code "empty message"}; an empty string stays empty)
     */
    public static ScriptTemplateArgs forMerge(String revisionId, List<String> parentIds, String branchLabel,
            String message, CreateDate createDate, Map<String, String> mainOptions) {
        Object down = parentIds.isEmpty() ? null : parentIds.size() == 1 ? parentIds.get(0) : List.copyOf(parentIds);
        return new ScriptTemplateArgs(revisionId, down, branchLabel == null ? null : List.of(branchLabel), null,
                createDate, message == null ? "empty message" : message, mainOptions);
    }
}
