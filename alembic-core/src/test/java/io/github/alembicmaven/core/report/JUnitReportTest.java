package io.github.alembicmaven.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alembicmaven.core.GoalRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code alembic-junit.xml}: exact text for small cases, and parsed back with the JDK's DOM parser. */
class JUnitReportTest {
    @TempDir
    Path dir;

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    private static List<Element> cases(Document doc) {
        NodeList nodes = doc.getDocumentElement().getElementsByTagName("testcase");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static Element child(Element e, String name) {
        NodeList nodes = e.getElementsByTagName(name);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    @Test
    void aPassingTreeIsThreePassingCases() throws Exception {
        Tree t = new Tree(dir).rev("aaaa00000001", null).rev("bbbb00000002", "aaaa00000001");

        t.check(null, null);

        assertThat(Files.readString(t.junit())).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="alembic" tests="3" failures="0" errors="0" skipped="0">
                  <testcase classname="alembic.check" name="integrity"/>
                  <testcase classname="alembic.check" name="head policy"/>
                  <testcase classname="alembic.check" name="schema conflicts"/>
                </testsuite>
                """);
    }

    @Test
    void twoHeadsFailTheHeadPolicyWithTheBuildsMessage() throws Exception {
        Tree t = new Tree(dir).rev("aaaa00000001", null).rev("bbbb00000002", "aaaa00000001")
                .rev("cccc00000003", "aaaa00000001");

        GoalRun run = t.check(null, "ignore");

        Document doc = parse(t.junit());
        Element suite = doc.getDocumentElement();
        assertThat(suite.getAttribute("name")).isEqualTo("alembic");
        assertThat(suite.getAttribute("tests")).isEqualTo("2"); // conflicts=ignore: no schema-conflicts case
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(suite.getAttribute("skipped")).isEqualTo("0");
        assertThat(suite.hasAttribute("timestamp")).isFalse();
        List<Element> cases = cases(doc);
        assertThat(cases).extracting(c -> c.getAttribute("name")).containsExactly("integrity", "head policy");
        assertThat(cases).extracting(c -> c.getAttribute("classname")).containsOnly("alembic.check");
        assertThat(child(cases.get(0), "failure")).isNull();
        Element failure = child(cases.get(1), "failure");
        assertThat(failure.getAttribute("type")).isEqualTo("multiple-heads");
        assertThat(failure.getAttribute("message"))
                .isEqualTo("Alembic migration graph has 2 heads, but at most 1 is allowed:");
        assertThat(failure.getTextContent()).isEqualTo(run.failureMessage());
        assertThat(failure.getTextContent()).contains("alembic merge -m \"merge heads\" bbbb00000002 cccc00000003");
    }

    @Test
    void integrityErrorsFailIntegrityAndSkipTheHeads() throws Exception {
        Tree t = new Tree(dir).rev("aaaa00000001", null).rev("bbbb00000002", "ffff00000009")
                .rev("cccc00000003", "aaaa00000001");

        GoalRun run = t.check(null, null);

        Document doc = parse(t.junit());
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        assertThat(doc.getDocumentElement().getAttribute("skipped")).isEqualTo("2");
        List<Element> cases = cases(doc);
        Element failure = child(cases.get(0), "failure");
        assertThat(failure.getAttribute("type")).isEqualTo("missing-parent");
        assertThat(failure.getTextContent()).isEqualTo(run.failureMessage()).contains("ffff00000009");
        assertThat(child(cases.get(1), "skipped").getAttribute("message"))
                .isEqualTo("not checked: the number of heads is checked once the history loads");
        assertThat(child(cases.get(2), "skipped").getAttribute("message"))
                .isEqualTo("not checked: the lines of history are compared once the history loads");
    }

    @Test
    void schemaConflictsFailOnlyUnderConflictsFail() throws Exception {
        Tree t = new Tree(dir).sameColumnOnBothLines();

        t.check("2", "warn");
        Element warned = cases(parse(t.junit())).get(2);
        GoalRun failedRun = t.check("2", "fail");
        Element failed = cases(parse(t.junit())).get(2);

        assertThat(warned.getAttribute("name")).isEqualTo("schema conflicts");
        assertThat(child(warned, "failure")).isNull();
        assertThat(child(warned, "system-out").getTextContent()).startsWith("Schema conflict: [error column-added-twice] column"
                + " users.email is added on both lines: " + Tree.file("bbbb00000002") + ":15");
        Element failure = child(failed, "failure");
        assertThat(failure.getAttribute("type")).isEqualTo("schema-conflict");
        assertThat(failure.getTextContent()).isEqualTo(failedRun.conflictFailureMessage()).isNotEmpty();
        assertThat(failedRun.failureMessage()).contains(failedRun.conflictFailureMessage());
    }

    @Test
    void textIsEscapedAndCharactersXmlCannotHoldAreReplaced() throws Exception {
        Path file = dir.resolve(JUnitReport.FILE_NAME);
        String text = "a <b> & \"c\" 'd' ]]> \u0001 tab\there\nsecond line";
        Files.writeString(file, JUnitReport.xml("check",
                List.of(JUnitReport.Case.failed("integrity", "x&y", text, List.of("warning <1>")))));

        Element c = cases(parse(file)).get(0);
        Element failure = child(c, "failure");
        assertThat(failure.getAttribute("type")).isEqualTo("x&y");
        assertThat(failure.getAttribute("message")).isEqualTo("a <b> & \"c\" 'd' ]]> \uFFFD tab\there");
        assertThat(failure.getTextContent()).isEqualTo("a <b> & \"c\" 'd' ]]> \uFFFD tab\there\nsecond line");
        assertThat(child(c, "system-out").getTextContent()).isEqualTo("warning <1>\n");
    }

    @Test
    void theRuleNamesItselfInTheClassname() throws Exception {
        Path file = dir.resolve(JUnitReport.FILE_NAME);

        JUnitReport.writeConfigurationError("requireSingleAlembicHead", "no such file: alembic.ini", file);

        Element c = cases(parse(file)).get(0);
        assertThat(c.getAttribute("classname")).isEqualTo("alembic.requireSingleAlembicHead");
        assertThat(c.getAttribute("name")).isEqualTo("configuration");
        assertThat(child(c, "failure").getAttribute("type")).isEqualTo("configuration-error");
        assertThat(child(c, "failure").getTextContent()).isEqualTo("no such file: alembic.ini");
    }
}
