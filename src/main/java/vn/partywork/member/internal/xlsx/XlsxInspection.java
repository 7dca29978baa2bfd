package vn.partywork.member.internal.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.partywork.shared.DomainException;

/**
 * Looks at an uploaded file before anything reads its cells (issue 5 "Bad input"): an .xlsx is a
 * zip (magic {@code PK\3\4}) with a workbook part; every part is inflated once with a running
 * count so that a zip bomb stops at {@link #MAX_EXPANDED} bytes; the worksheets are scanned for
 * merged cells and formulas, which an import refuses (a merged cell hides which row a value
 * belongs to, a formula's value is whatever the last program that saved the file computed).
 */
final class XlsxInspection {

    /** The largest sum of the parts' inflated sizes (a 100,000-row template fills about 60 MB). */
    static final long MAX_EXPANDED = 400L * 1024 * 1024;

    static final int MAX_ENTRIES = 2000;

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private XlsxInspection() {}

    static void check(Path file) {
        try {
            byte[] magic = new byte[4];
            try (InputStream in = Files.newInputStream(file)) {
                if (in.readNBytes(magic, 0, 4) < 4
                        || magic[0] != 'P'
                        || magic[1] != 'K'
                        || magic[2] != 3
                        || magic[3] != 4) {
                    throw DomainException.invalid("member.import.notXlsx");
                }
            }
            long expanded = 0;
            try (ZipFile zip = new ZipFile(file.toFile())) {
                if (zip.getEntry("[Content_Types].xml") == null || zip.getEntry("xl/workbook.xml") == null) {
                    throw DomainException.invalid("member.import.notXlsx");
                }
                if (zip.size() > MAX_ENTRIES) {
                    throw DomainException.invalid("member.import.expandsTooMuch");
                }
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    try (CountingStream in = new CountingStream(zip.getInputStream(entry), MAX_EXPANDED - expanded)) {
                        if (entry.getName().startsWith("xl/worksheets/")
                                && entry.getName().endsWith(".xml")) {
                            scanSheet(in);
                        }
                        in.transferTo(OutputStreamNull.INSTANCE);
                        expanded += in.count();
                    }
                }
            }
        } catch (TooLarge e) {
            throw DomainException.invalid("member.import.expandsTooMuch");
        } catch (ZipException e) {
            throw DomainException.invalid("member.import.notXlsx");
        } catch (IOException e) {
            throw DomainException.invalid("member.import.notXlsx");
        }
    }

    private static void scanSheet(CountingStream in) {
        try {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                        String name = xml.getLocalName();
                        if (name.equals("mergeCell")) {
                            throw DomainException.invalid("member.import.mergedCells");
                        }
                        if (name.equals("f")) {
                            throw DomainException.invalid("member.import.formula");
                        }
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            if (in.exceeded || e.getCause() instanceof TooLarge) {
                throw DomainException.invalid("member.import.expandsTooMuch");
            }
            throw DomainException.invalid("member.import.notXlsx");
        }
    }

    /** Counts what comes out of an entry and stops past the budget left. */
    private static final class CountingStream extends java.io.FilterInputStream {
        private final long budget;
        private long count;
        boolean exceeded;

        CountingStream(InputStream in, long budget) {
            super(in);
            this.budget = budget;
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) throws TooLarge {
            count += n;
            if (count > budget) {
                exceeded = true;
                throw new TooLarge();
            }
        }
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super("expanded beyond the budget");
        }
    }

    private static final class OutputStreamNull extends java.io.OutputStream {
        static final OutputStreamNull INSTANCE = new OutputStreamNull();

        @Override
        public void write(int b) {}

        @Override
        public void write(byte[] b, int off, int len) {}
    }
}
