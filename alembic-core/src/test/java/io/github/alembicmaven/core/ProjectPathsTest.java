package io.github.alembicmaven.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProjectPathsTest {
    private static final Path BASE = Path.of("/proj").toAbsolutePath();

    @Test
    void belowTheProjectIsRelativeWithSlashes() {
        assertThat(ProjectPaths.relative(BASE, BASE.resolve("migrations/versions/a.py")))
                .isEqualTo("migrations/versions/a.py");
        assertThat(ProjectPaths.relative(BASE, BASE.resolve("db/../migrations/./b.py"))).isEqualTo("migrations/b.py");
        assertThat(ProjectPaths.relative(BASE, BASE)).isEqualTo(".");
    }

    @Test
    void elsewhereIsShownAsGiven() {
        Path outside = BASE.resolveSibling("shared/versions").resolve("c.py");
        assertThat(ProjectPaths.relative(BASE, outside)).isEqualTo(outside.toString().replace('\\', '/'));
        assertThat(ProjectPaths.relative(BASE, Path.of("rel/d.py"))).isEqualTo("rel/d.py");
        assertThat(ProjectPaths.relative(null, BASE.resolve("e.py"))).isEqualTo(BASE.resolve("e.py").toString().replace('\\', '/'));
    }
}
