package vn.partywork.member.internal;

import java.text.Normalizer;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The database's search key ({@code public.search_key}: unaccented, lower case; blanks collapsed)
 * computed in Java for text made of ASCII and precomposed Vietnamese letters, which is what people
 * type in a name search: a round trip to the database less on every search (issue 5 item 10a).
 * Anything else (another script, a lone combining mark, a control character) is left to the
 * database, so the key is always the one the stored names were folded with.
 * {@code SearchKeysTests} proves the equality for every character this class accepts.
 */
final class SearchKeys {

    private SearchKeys() {}

    /** The key of {@code text} (already stripped), or null when the database must compute it. */
    static @Nullable String folded(String text) {
        StringBuilder key = new StringBuilder(text.length());
        boolean blank = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B) {
                blank = true;
                continue;
            }
            char base = base(c);
            if (base == 0) {
                return null;
            }
            if (blank) {
                key.append(' ');
                blank = false;
            }
            key.append(base);
        }
        return key.toString().toLowerCase(Locale.ROOT);
    }

    /** The ASCII letter a character folds to, the character itself for printable ASCII; 0 if unknown. */
    private static char base(char c) {
        if (c >= 0x20 && c < 0x7F) {
            return c;
        }
        if (c == 'đ' || c == 'Đ') {
            return 'd';
        }
        if (c < 0xC0 || c > 0x1EFF) {
            return 0;
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        char letter = decomposed.charAt(0);
        if (!((letter >= 'a' && letter <= 'z') || (letter >= 'A' && letter <= 'Z'))) {
            return 0;
        }
        for (int i = 1; i < decomposed.length(); i++) {
            if (!vietnameseMark(decomposed.charAt(i))) {
                return 0;
            }
        }
        return decomposed.length() > 1 ? letter : 0;
    }

    /** The combining marks of Vietnamese letters: tones, circumflex, breve and horn. */
    private static boolean vietnameseMark(char mark) {
        return switch (mark) {
            case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0302', '\u0306', '\u031B' -> true;
            default -> false;
        };
    }
}
