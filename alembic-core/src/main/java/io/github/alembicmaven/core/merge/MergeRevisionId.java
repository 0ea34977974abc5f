package io.github.alembicmaven.core.merge;

import io.github.alembicmaven.core.config.PythonText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Deterministic revision ids for planned merges: 12 lowercase hex digits, the same length and alphabet as Alembic's own
 * {@code uuid.uuid4().hex[-12:]}, but derived from the merge's content so that two people who merge the same heads
 * get the same id (and so the same file) instead of two merges that fork again.
 *
 * <p><b>Canonical encoding, version 1</b> (fixed; changing it changes every id, so it would get a new version tag).
 * Each field is a netstring: the decimal length in UTF-8 bytes, {@code ':'}, the UTF-8 bytes, {@code ','}. The digest
 * input is, in this order:
 *
 * <ol>
 *   <li>{@code "alembic-maven merge v1"}
 *   <li>the number of parents (decimal), then each parent id, sorted by code point (Python's {@code sorted()})
 *   <li>{@code "0"} without a branch label, or {@code "1"} followed by the label
 *   <li>the message
 *   <li>only when {@code round > 0}: the round number (decimal), used to step past a collision
 * </ol>
 *
 * <p>The id is the first 12 hex digits (lowercase) of the SHA-256 of that input. Example: parents {@code a, b}, no
 * label, message {@code merge heads}, round 0 hashes {@code 22:alembic-maven merge v1,1:2,1:a,1:b,1:0,11:merge heads,}.
 */
public final class MergeRevisionId {
    /** Version tag at the start of the digest input. */
    public static final String ENCODING = "alembic-maven merge v1";

    /** Characters Alembic refuses in a revision id (1.8.1: {@code @ - +}; since 1.17.1 also {@code :}). */
    static final String ILLEGAL_CHARS = "@-+:";

    private MergeRevisionId() {}

    /**
     * The id of a merge, first round.
     *
     * @param parents the parent ids (any order: they are sorted first; the merge writes them sorted too)
     * @param branchLabel the merge's branch label, or {@code null}
     * @param message the merge message as the template receives it
     * @return 12 lowercase hex digits
     */
    public static String derive(List<String> parents, String branchLabel, String message) {
        return derive(parents, branchLabel, message, 0);
    }

    /**
     * The id of a merge for a given collision round.
     *
     * @param parents the parent ids (any order)
     * @param branchLabel the merge's branch label, or {@code null}
     * @param message the merge message
     * @param round 0 for the first attempt, then 1, 2, … after collisions
     * @return 12 lowercase hex digits
     */
    public static String derive(List<String> parents, String branchLabel, String message, int round) {
        return HexFormat.of().formatHex(sha256(encoding(parents, branchLabel, message, round))).substring(0, 12);
    }

    /**
     * The first id, over rounds 0, 1, 2, …, that {@code taken} does not reject: the deterministic way out of a
     * collision with an existing revision id, branch label or another planned merge.
     *
     * @param parents the parent ids (any order)
     * @param branchLabel the merge's branch label, or {@code null}
     * @param message the merge message
     * @param taken ids that may not be used
     * @return the id
     */
    public static String deriveUnique(
            List<String> parents, String branchLabel, String message, Predicate<String> taken) {
        for (int round = 0; ; round++) {
            String id = derive(parents, branchLabel, message, round);
            if (!taken.test(id)) {
                return id;
            }
        }
    }

    /**
     * Why Alembic would refuse an explicit {@code --rev-id} ({@code verify_rev_id}), or empty when it is acceptable.
     *
     * @param revId the id
     */
    public static Optional<String> problem(String revId) {
        if (revId == null || revId.isEmpty()) {
            return Optional.of("the revision id is empty");
        }
        for (int i = 0; i < revId.length(); i++) {
            char c = revId.charAt(i);
            if (ILLEGAL_CHARS.indexOf(c) >= 0) {
                return Optional.of("Revision id '" + revId + "' contains '" + c + "': Alembic does not allow the"
                        + " characters @ - + : in revision ids");
            }
            if (Character.isWhitespace(c)) {
                return Optional.of("Revision id '" + revId + "' contains whitespace");
            }
        }
        return Optional.empty();
    }

    /** The digest input (see the class comment). */
    static byte[] encoding(List<String> parents, String branchLabel, String message, int round) {
        Objects.requireNonNull(message, "message");
        if (round < 0) {
            throw new IllegalArgumentException("round must not be negative: " + round);
        }
        List<String> sorted = new ArrayList<>(parents);
        sorted.sort(PythonText.CODE_POINT_ORDER);
        StringBuilder sb = new StringBuilder();
        netstring(sb, ENCODING);
        netstring(sb, Integer.toString(sorted.size()));
        for (String p : sorted) {
            netstring(sb, Objects.requireNonNull(p, "parent"));
        }
        if (branchLabel == null) {
            netstring(sb, "0");
        } else {
            netstring(sb, "1");
            netstring(sb, branchLabel);
        }
        netstring(sb, message);
        if (round > 0) {
            netstring(sb, Integer.toString(round));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void netstring(StringBuilder sb, String s) {
        sb.append(s.getBytes(StandardCharsets.UTF_8).length).append(':').append(s).append(',');
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
