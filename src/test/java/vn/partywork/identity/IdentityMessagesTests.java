package vn.partywork.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every error code the identity and access modules throw has its Vietnamese message (ARCHITECTURE rule 7). */
class IdentityMessagesTests {

    private static final Pattern THROWN = Pattern.compile(
            "(?:DomainException\\.\\w+\\(|new DomainException\\([^,]+,\\s*)\"([a-zA-Z]+\\.[a-zA-Z.]+)\"");

    @Test
    void everyErrorCodeHasAVietnameseMessage() throws IOException {
        Properties messages = new Properties();
        for (String bundle : new String[] {"messages", "identity", "access"}) {
            try (Reader reader = Files.newBufferedReader(
                    Path.of("src/main/resources/i18n/" + bundle + ".properties"), StandardCharsets.UTF_8)) {
                messages.load(reader);
            }
        }
        Set<String> codes = new TreeSet<>();
        for (String module : new String[] {"identity", "access"}) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/vn/partywork/" + module))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = THROWN.matcher(Files.readString(file));
                    while (m.find()) {
                        codes.add(m.group(1));
                    }
                }
            }
        }

        assertThat(codes)
                .contains(
                        "auth.badCredentials",
                        "auth.initialPasswordExpired",
                        "identity.device.notPermitted",
                        "identity.review.orgOutsideScope",
                        "access.review.noteTooLong");
        assertThat(codes)
                .allSatisfy(code -> assertThat(messages.getProperty("error." + code))
                        .as("error.%s", code)
                        .isNotBlank());
    }
}
