package vn.partywork.document.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The file types evidence may have (PDF, JPEG, PNG, DOCX), recognised from the bytes: a type the
 * browser claims proves nothing, and a renamed executable must not pass as a PDF.
 */
public enum FileType {
    PDF("application/pdf", List.of("pdf")),
    JPEG("image/jpeg", List.of("jpg", "jpeg")),
    PNG("image/png", List.of("png")),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx"));

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final String contentType;
    private final List<String> extensions;

    FileType(String contentType, List<String> extensions) {
        this.contentType = contentType;
        this.extensions = extensions;
    }

    public String contentType() {
        return contentType;
    }

    /** True when the file name ends with one of this type's extensions. */
    public boolean matchesName(String name) {
        int dot = name.lastIndexOf('.');
        return dot >= 0 && extensions.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The type of the content, or empty when it is none of the allowed ones. */
    public static Optional<FileType> detect(byte[] content) {
        if (startsWith(content, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(content, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, ZIP_MAGIC) && isWordDocument(content)) {
            return Optional.of(DOCX);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    /**
     * A DOCX is a ZIP whose central directory names {@code [Content_Types].xml} and
     * {@code word/document.xml}. Only the directory at the end of the archive is read, nothing is
     * inflated, so a crafted archive costs no more than its size.
     */
    static boolean isWordDocument(byte[] zip) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = -1;
        for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xFFFF); i--) {
            if (b.getInt(i) == 0x06054b50) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return false;
        }
        int entries = Short.toUnsignedInt(b.getShort(end + 10));
        long offset = Integer.toUnsignedLong(b.getInt(end + 16));
        boolean contentTypes = false;
        boolean document = false;
        long at = offset;
        for (int n = 0; n < entries; n++) {
            if (at < 0 || at + 46 > end || b.getInt((int) at) != 0x02014b50) {
                return false;
            }
            int nameLength = Short.toUnsignedInt(b.getShort((int) at + 28));
            int extraLength = Short.toUnsignedInt(b.getShort((int) at + 30));
            int commentLength = Short.toUnsignedInt(b.getShort((int) at + 32));
            if (at + 46 + nameLength > end) {
                return false;
            }
            String name = new String(zip, (int) at + 46, nameLength, StandardCharsets.UTF_8);
            contentTypes |= name.equals("[Content_Types].xml");
            document |= name.equals("word/document.xml");
            at += 46L + nameLength + extraLength + commentLength;
        }
        return contentTypes && document;
    }
}
