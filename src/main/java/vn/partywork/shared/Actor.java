package vn.partywork.shared;

/** Who is acting: implemented by the authenticated principal so that modules can name the actor. */
public interface Actor {

    long accountId();

    /** The immutable login identifier (mã định danh, P-ID-1). */
    String identifier();
}
