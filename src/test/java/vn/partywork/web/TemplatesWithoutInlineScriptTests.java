package vn.partywork.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 6 item 9: the Content-Security-Policy allows only scripts from the application's own files
 * ({@code script-src 'self'}). Every template, including pages no runtime scan visits, must
 * therefore be free of inline scripts, event-handler attributes, {@code javascript:} links and
 * htmx's evaluated attributes ({@code hx-on}, {@code js:}); the browser would silently ignore them
 * and the page would stop working.
 */
class TemplatesWithoutInlineScriptTests {

    private static final List<Pattern> FORBIDDEN = List.of(
            Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE),
            Pattern.compile("<[^>]*\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE),
            Pattern.compile("hx-on", Pattern.CASE_INSENSITIVE),
            Pattern.compile("(href|src|action)\\s*=\\s*\"\\s*javascript:", Pattern.CASE_INSENSITIVE),
            Pattern.compile("hx-vals\\s*=\\s*['\"]\\s*js:", Pattern.CASE_INSENSITIVE));

    @Test
    void noTemplateCarriesScriptThePolicyWouldBlock() throws IOException {
        List<String> offending = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                scanned++;
                String html = Files.readString(file);
                for (Pattern pattern : FORBIDDEN) {
                    Matcher m = pattern.matcher(html);
                    while (m.find()) {
                        offending.add(file + ": " + m.group());
                    }
                }
            }
        }
        assertThat(scanned).isGreaterThan(30);
        assertThat(offending).isEmpty();
    }

    @Test
    void theScanFindsWhatItLooksFor() {
        String bad =
                "<button onclick=\"x()\"><script>alert(1)</script><a href=\"javascript:x()\"><div hx-on:click=\"y\">";
        long hits = FORBIDDEN.stream().filter(p -> p.matcher(bad).find()).count();
        assertThat(hits).isEqualTo(4);
    }
}
