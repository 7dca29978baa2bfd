package vn.partywork.notification;

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

/** Every error code the notification module throws has its Vietnamese message (ARCHITECTURE rule 7). */
class NotificationMessagesTests {

    private static final Pattern CODE = Pattern.compile("\\(\"(notification\\.[a-zA-Z.]+)\"");

    @Test
    void everyErrorCodeHasAVietnameseMessage() throws IOException {
        Properties messages = new Properties();
        try (Reader reader = Files.newBufferedReader(
                Path.of("src/main/resources/i18n/notification.properties"), StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/vn/partywork/notification"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = CODE.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).startsWith("notification.flash")) {
                        codes.add(m.group(1));
                    }
                }
            }
        }

        assertThat(codes).contains("notification.notFound", "notification.email.invalid");
        assertThat(codes)
                .allSatisfy(code -> assertThat(messages.getProperty("error." + code))
                        .as("error.%s", code)
                        .isNotBlank());
    }
}
