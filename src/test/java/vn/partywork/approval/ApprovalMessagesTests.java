package vn.partywork.approval;

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

/** Every error code the approval and document modules throw has its Vietnamese message (ARCHITECTURE rule 7). */
class ApprovalMessagesTests {

    private static final Pattern CODE = Pattern.compile("\\(\\s*\"((?:approval|document)\\.[a-zA-Z.]+)\"");

    @Test
    void everyErrorCodeHasAVietnameseMessage() throws IOException {
        Properties messages = new Properties();
        for (String bundle : new String[] {"approval", "document"}) {
            try (Reader reader = Files.newBufferedReader(
                    Path.of("src/main/resources/i18n/" + bundle + ".properties"), StandardCharsets.UTF_8)) {
                messages.load(reader);
            }
        }
        Set<String> codes = new TreeSet<>();
        for (String module : new String[] {"approval", "document"}) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/vn/partywork/" + module))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = CODE.matcher(Files.readString(file));
                    while (m.find()) {
                        if (!m.group(1).startsWith("approval.flash")) {
                            codes.add(m.group(1));
                        }
                    }
                }
            }
        }
        assertThat(codes)
                .contains(
                        "approval.step.ownRequest",
                        "approval.correction.stale",
                        "approval.correction.evidence.required",
                        "document.integrity",
                        "document.type.notAllowed");
        assertThat(codes)
                .allSatisfy(code -> assertThat(messages.getProperty("error." + code))
                        .as("error.%s", code)
                        .isNotBlank());
    }
}
