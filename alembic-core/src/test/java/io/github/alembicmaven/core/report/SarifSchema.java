package io.github.alembicmaven.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * The official SARIF 2.1.0 JSON schema (draft-07, {@code src/test/resources/sarif}, see the README there), loaded once,
 * validating offline.
 */
public final class SarifSchema {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = load();

    private SarifSchema() {}

    private static JsonSchema load() {
        try (InputStream in = SarifSchema.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            JsonNode node = JSON.readTree(in);
            assertThat(node.get("$schema").asText()).isEqualTo("http://json-schema.org/draft-07/schema#");
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's complaints about {@code log}, empty when valid. */
    public static Set<ValidationMessage> validate(JsonNode log) {
        return SCHEMA.validate(log);
    }

    /** Parses {@code file}, asserts that it is a valid SARIF 2.1.0 log, and returns it. */
    public static JsonNode assertValid(Path file) {
        try {
            JsonNode log = JSON.readTree(file.toFile());
            assertThat(validate(log)).as("schema violations of %s", file).isEmpty();
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
