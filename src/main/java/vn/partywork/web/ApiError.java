package vn.partywork.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** The body of every API error: a stable machine code and a Vietnamese message (ARCHITECTURE rule 7). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(String code, String message, Map<String, String> fields) {

    public ApiError(String code, String message) {
        this(code, message, Map.of());
    }
}
