package vn.partywork.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small real files of each type, made in memory for upload tests. */
public final class SampleFiles {

    private SampleFiles() {}

    /** A one-page PDF (a valid header, body and trailer; unique per call through the text). */
    public static byte[] pdf(String text) {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                        + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% " + text
                        + "\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The signature and a header chunk of a PNG: enough for type detection. */
    public static byte[] png() {
        return new byte[] {
            (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1
        };
    }

    /** A minimal Word document: a ZIP with [Content_Types].xml and word/document.xml. */
    public static byte[] docx() {
        return zip("[Content_Types].xml", "word/document.xml");
    }

    /** A ZIP that is not a Word document (no word/document.xml). */
    public static byte[] plainZip() {
        return zip("[Content_Types].xml", "readme.txt");
    }

    private static byte[] zip(String... names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(("<x>" + name + "</x>").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
