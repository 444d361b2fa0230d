package org.articlepipeline.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/security.md} backs each claim with the test that holds it. This keeps the document from
 * citing a test that does not exist or was renamed, and makes sure every section cites at least one.
 */
class SecurityDocumentTest {

    private static final Path ROOT = Paths.get("").toAbsolutePath();
    private static final Pattern CITATION = Pattern.compile("`([A-Z][A-Za-z0-9]*(?:Test|IT))\\.([a-z][A-Za-z0-9]*)`");

    @Test
    void everyTestTheThreatModelCitesExistsAsATestMethod() throws IOException {
        String document = Files.readString(ROOT.resolve("docs/security.md"));
        List<String> missing = new ArrayList<>();
        Matcher citation = CITATION.matcher(document);
        int cited = 0;
        while (citation.find()) {
            cited++;
            Path source = testSource(citation.group(1));
            String method = citation.group(2);
            if (source == null || !isTestMethod(Files.readString(source), method)) {
                missing.add(citation.group(1) + "." + method);
            }
        }
        assertThat(cited).isGreaterThan(10);
        assertThat(missing).as("tests cited by docs/security.md").isEmpty();
    }

    @Test
    void everySectionOfTheThreatModelCitesATest() throws IOException {
        Map<String, String> sections = new LinkedHashMap<>();
        String heading = null;
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(ROOT.resolve("docs/security.md"))) {
            if (line.startsWith("## ")) {
                if (heading != null) {
                    sections.put(heading, text.toString());
                }
                heading = line.substring(3);
                text.setLength(0);
            } else {
                text.append(line).append('\n');
            }
        }
        sections.put(heading, text.toString());
        assertThat(sections.keySet()).contains("Who can write", "Who can read",
                "What a hostile upload can and cannot do", "The cursor secret", "What to rotate");
        sections.forEach((name, body) -> assertThat(CITATION.matcher(body).find()).as(name).isTrue());
    }

    /** {@code method} is declared in {@code source} with a JUnit test annotation among the lines above it. */
    private static boolean isTestMethod(String source, String method) {
        int declaration = source.indexOf(" void " + method + "(");
        if (declaration < 0) {
            return false;
        }
        // What lies between the end of the previous member (a closing brace at member indentation) and it.
        int previousEnd = source.lastIndexOf("\n    }", declaration);
        String preamble = source.substring(Math.max(previousEnd, 0), declaration);
        return preamble.contains("@Test") || preamble.contains("@ParameterizedTest") || preamble.contains("@RepeatedTest");
    }

    private static Path testSource(String className) throws IOException {
        try (Stream<Path> files = Files.walk(ROOT.resolve("src/test/java"))) {
            return files.filter(p -> p.getFileName().toString().equals(className + ".java")).findFirst().orElse(null);
        }
    }
}
