package vn.partywork.identity.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    static final String ARGON2 = "argon2";

    /** Time source for lock-out, tokens and grant validity; tests replace it to move time without sleeping. */
    @Bean
    Clock clock(IdentitySettings settings) {
        return Clock.system(ZoneId.of(settings.zone()));
    }

    /** Argon2id; hashes carry their "{argon2}" id so that a later default can upgrade them. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(ARGON2, Map.of(ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }
}
