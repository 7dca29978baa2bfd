package vn.partywork.identity.web;

import io.nayuki.qrcodegen.QrCode;

/**
 * P-ID-4: a QR code drawn on the server as inline SVG, so that enrolling an authenticator app
 * needs neither an external QR service (which would see the secret) nor a script in the page.
 */
final class QrSvg {

    /** Light modules around the symbol that scanners need (ISO/IEC 18004 quiet zone). */
    private static final int QUIET_ZONE = 4;

    private QrSvg() {}

    /**
     * One {@code <svg>} element with one path of dark modules; the text is only in the drawing, so
     * nothing needs escaping.
     */
    static String of(String text, String label) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M')
                            .append(x + QUIET_ZONE)
                            .append(',')
                            .append(y + QUIET_ZONE)
                            .append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"mfa-qr\" role=\"img\" aria-label=\"" + escape(label)
                + "\" viewBox=\"0 0 " + size + " " + size + "\" width=\"220\" height=\"220\""
                + " shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
                + "<path fill=\"#000000\" d=\"" + path + "\"/></svg>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    /** The base32 secret in groups of four for typing into an app by hand. */
    static String grouped(String secret) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < secret.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(secret, i, Math.min(secret.length(), i + 4));
        }
        return out.toString();
    }
}
