package vn.partywork.shared;

/**
 * A refusal with a stable code (e.g. {@code org.code.duplicate}). The web layer maps the code
 * once to a Vietnamese message ({@code error.<code>} in the message bundles) and an HTTP status.
 */
public class DomainException extends RuntimeException {

    public enum Kind {
        /** 400: the input breaks a rule. */
        INVALID,
        /** 404: absent, or outside the caller's scope (never leak existence). */
        NOT_FOUND,
        /** 403: the caller may see it but may not do this. */
        FORBIDDEN,
        /** 409: the state changed or clashes (duplicate, stale version, busy). */
        CONFLICT,
        /** 401: not authenticated. */
        UNAUTHENTICATED
    }

    private final String code;
    private final Kind kind;
    private final transient Object[] args;

    public DomainException(Kind kind, String code, Object... args) {
        super(code);
        this.kind = kind;
        this.code = code;
        this.args = args;
    }

    public static DomainException invalid(String code, Object... args) {
        return new DomainException(Kind.INVALID, code, args);
    }

    public static DomainException notFound(String code, Object... args) {
        return new DomainException(Kind.NOT_FOUND, code, args);
    }

    public static DomainException forbidden(String code, Object... args) {
        return new DomainException(Kind.FORBIDDEN, code, args);
    }

    public static DomainException conflict(String code, Object... args) {
        return new DomainException(Kind.CONFLICT, code, args);
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    public Object[] args() {
        return args.clone();
    }
}
