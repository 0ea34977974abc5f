package io.github.alembicmaven.core;

import java.nio.file.Path;

/** How paths are shown in messages, logs and reports: relative to the project directory, with {@code /}. */
public final class ProjectPaths {
    private ProjectPaths() {}

    /**
     * {@code p} relative to {@code basedir} with {@code /} separators when it lies below it ({@code .} for the
     * directory itself); an absolute path elsewhere is shown normalized; a relative path is shown as given.
     *
     * @param basedir the project directory, or {@code null}
     * @param p a path
     */
    public static String relative(Path basedir, Path p) {
        Path shown = p;
        if (p.isAbsolute()) {
            shown = p.normalize();
            if (basedir != null) {
                Path base = basedir.toAbsolutePath().normalize();
                if (shown.startsWith(base)) {
                    shown = base.relativize(shown);
                }
            }
        }
        String text = shown.toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }
}
