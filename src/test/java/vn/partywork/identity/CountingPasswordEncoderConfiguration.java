package vn.partywork.identity;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Picked up by component scanning in every test context, like {@link TestClockConfiguration}: the
 * application's password encoder is wrapped so that tests can see which hashes a login compared
 * against (ASVS 5.0 6.3.8: every refused login hashes the password, whatever the reason).
 */
@Configuration(proxyBeanMethods = false)
public class CountingPasswordEncoderConfiguration {

    /** The application's encoder, recording each {@code matches} call. */
    public static final class RecordingPasswordEncoder implements PasswordEncoder {

        /** One comparison: the password given and the stored hash it was compared against. */
        public record Comparison(String rawPassword, String encodedPassword) {}

        private final PasswordEncoder delegate;
        private final List<Comparison> comparisons = new ArrayList<>();

        RecordingPasswordEncoder(PasswordEncoder delegate) {
            this.delegate = delegate;
        }

        @Override
        public @Nullable String encode(@Nullable CharSequence rawPassword) {
            return delegate.encode(rawPassword);
        }

        @Override
        public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
            synchronized (comparisons) {
                comparisons.add(new Comparison(String.valueOf(rawPassword), String.valueOf(encodedPassword)));
            }
            return delegate.matches(rawPassword, encodedPassword);
        }

        @Override
        public boolean upgradeEncoding(@Nullable String encodedPassword) {
            return delegate.upgradeEncoding(encodedPassword);
        }

        /** The comparisons since the last call, oldest first. */
        public List<Comparison> drain() {
            synchronized (comparisons) {
                List<Comparison> copy = List.copyOf(comparisons);
                comparisons.clear();
                return copy;
            }
        }
    }

    @Bean
    static BeanPostProcessor recordingPasswordEncoder() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof PasswordEncoder encoder && !(bean instanceof RecordingPasswordEncoder)
                        ? new RecordingPasswordEncoder(encoder)
                        : bean;
            }
        };
    }
}
