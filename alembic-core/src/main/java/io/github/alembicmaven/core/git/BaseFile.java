package io.github.alembicmaven.core.git;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One version file of the base commit.
 *
 * @param gitPath the path inside the repository, with {@code /} ({@code alembic/versions/1a2b_add_users.py})
 * @param displayPath how messages and reports name it: {@code <ref>:<gitPath>} ({@code git show} syntax), a relative
 *     path that is never resolved against a directory
 * @param checkoutPath where the file is, or would be, in the working tree (absolute)
 * @param blobId the blob's object id (40 hex digits): equal ids mean byte-identical content
 */
public record BaseFile(String gitPath, Path displayPath, Path checkoutPath, String blobId) {
    public BaseFile {
        Objects.requireNonNull(gitPath, "gitPath");
        Objects.requireNonNull(displayPath, "displayPath");
        Objects.requireNonNull(checkoutPath, "checkoutPath");
        Objects.requireNonNull(blobId, "blobId");
    }
}
