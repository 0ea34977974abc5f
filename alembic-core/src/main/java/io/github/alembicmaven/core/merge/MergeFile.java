package io.github.alembicmaven.core.merge;

import io.github.alembicmaven.core.config.AlembicSettings;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A merge migration rendered exactly as {@code alembic merge -m message [--branch-label label] --rev-id id parents...}
 * would write it: the file name ({@code _rev_path}), the text ({@code script.py.mako}) and the bytes
 * ({@code output_encoding}).
 *
 * @param fileName the path relative to the version directory ({@code file_template} may contain {@code /})
 * @param content the rendered text
 * @param bytes {@code content} encoded with {@code output_encoding}
 */
public record MergeFile(String fileName, String content, byte[] bytes) {

    public MergeFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(content, "content");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * What to merge.
     *
     * @param revisionId the new revision id
     * @param parentIds the parents, in the order to write them
     * @param branchLabel {@code --branch-label}, or {@code null}
     * @param message {@code -m}, or {@code null} for none ({@code "empty message"} in the text, empty slug)
     * @param createDate the create date (also the source of the file-name date tokens)
     */
    public record Spec(String revisionId, List<String> parentIds, String branchLabel, String message,
            CreateDate createDate) {
        public Spec {
            Objects.requireNonNull(revisionId, "revisionId");
            parentIds = List.copyOf(parentIds);
            Objects.requireNonNull(createDate, "createDate");
        }
    }

    /**
     * The naming and encoding settings.
     *
     * @param fileTemplate {@code file_template} (interpolated)
     * @param truncateSlugLength {@code truncate_slug_length} ({@code int(value) or 40})
     * @param outputEncoding {@code output_encoding}
     * @param mainOptions {@code config.get_main_option} values (only the multidb template reads one:
     *     {@code databases})
     * @param localZone the time zone of the Python process, for {@code %(epoch)} of a naive create date; may be
     *     {@code null} when the template does not use it or the date is aware
     */
    public record Options(String fileTemplate, int truncateSlugLength, MergeFileEncoding outputEncoding,
            Map<String, String> mainOptions, ZoneId localZone) {
        public Options {
            Objects.requireNonNull(fileTemplate, "fileTemplate");
            Objects.requireNonNull(outputEncoding, "outputEncoding");
            mainOptions = mainOptions == null ? Map.of() : Map.copyOf(mainOptions);
        }

        /** Alembic's defaults: {@code %(rev)s_%(slug)s}, 40, utf-8. */
        public static Options defaults() {
            return new Options("%(rev)s_%(slug)s", 40, MergeFileEncoding.utf8(), Map.of(), null);
        }

        /**
         * From a project's settings.
         *
         * @throws IllegalArgumentException when {@code output_encoding} is not supported
         */
        public static Options of(AlembicSettings settings, Map<String, String> mainOptions, ZoneId localZone) {
            return new Options(settings.fileTemplate(), settings.truncateSlugLength(),
                    MergeFileEncoding.of(settings.outputEncoding()), mainOptions, localZone);
        }
    }

    /**
     * Renders a merge file.
     *
     * @throws ScriptTemplateUnsupportedException when Alembic's rendering of this template fails for a merge (the
     *     caller may fall back to {@link ScriptTemplate#builtIn()})
     * @throws IllegalArgumentException when the file name cannot be formed ({@code file_template}) or the text cannot
     *     be encoded ({@code output_encoding}): Alembic fails on these too
     */
    public static MergeFile render(ScriptTemplate template, Spec spec, Options options)
            throws ScriptTemplateUnsupportedException {
        String fileName = RevisionFileName.of(options.fileTemplate(), spec.revisionId(), spec.message(),
                options.truncateSlugLength(), spec.createDate(), options.localZone());
        String content = template.render(ScriptTemplateArgs.forMerge(spec.revisionId(), spec.parentIds(),
                spec.branchLabel(), spec.message(), spec.createDate(), options.mainOptions()));
        return new MergeFile(fileName, content, options.outputEncoding().encode(content));
    }
}
