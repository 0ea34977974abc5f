package io.github.alembicmaven.core.script;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of a Python source file into text the way CPython's tokenizer does (PEP 263, PEP 3120): a UTF-8
 * BOM, else a coding cookie on line 1 or 2 (line 2 only when line 1 is blank or a comment), else UTF-8. Decoding is
 * strict. Line ends ({@code \r\n}, {@code \r}) are translated to {@code \n}, as Python's universal newlines do before
 * tokenizing, so string literal values and line numbers match Python.
 */
final class SourceDecoder {

    /** PEP 263's cookie, as in CPython's {@code tokenize.cookie_re}. */
    private static final Pattern COOKIE = Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)");

    private SourceDecoder() {}

    /**
     * The decoded source, or the problem that stopped decoding.
     *
     * @param text decoded text with {@code \n} line ends, or {@code null} on failure
     * @param errorLine 1-based line of the problem ({@code 0} for none)
     * @param error what went wrong, or {@code null}
     * @param fix one-line fix for the problem, or {@code null}
     */
    record Decoded(String text, int errorLine, String error, String fix) {
        static Decoded failure(int line, String error, String fix) {
            return new Decoded(null, line, error, fix);
        }
    }

    static Decoded decode(byte[] bytes) {
        int start = 0;
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF;
        if (bom) {
            start = 3;
        }
        String cookie = findCookie(bytes, start);
        Charset charset = StandardCharsets.UTF_8;
        int cookieLine = 0;
        if (cookie != null) {
            cookieLine = cookie.charAt(0) - '0';
            String codec = cookie.substring(1);
            charset = pythonCodec(codec);
            if (charset == null) {
                return Decoded.failure(cookieLine, "unknown encoding '" + codec + "' in the coding cookie",
                        "declare a codec Python knows, e.g. '# -*- coding: utf-8 -*-', or remove the cookie");
            }
            if (bom && !charset.equals(StandardCharsets.UTF_8)) {
                return Decoded.failure(cookieLine, "encoding problem: " + codec + " with BOM",
                        "remove the UTF-8 byte order mark or declare '# coding: utf-8'");
            }
        }
        String text;
        if (isAscii(bytes, start) && (charset.equals(StandardCharsets.UTF_8) || isAsciiCompatible(charset))) {
            text = new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1);
        } else {
            CharsetDecoder decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
            CharBuffer out = CharBuffer.allocate(
                    (int) Math.min(Integer.MAX_VALUE - 16L, (long) (bytes.length * (double) decoder.maxCharsPerByte()) + 16));
            CoderResult result = decoder.decode(in, out, true);
            if (!result.isError()) {
                result = decoder.flush(out);
            }
            if (result.isError() || result.isOverflow()) {
                int bad = in.position();
                int line = lineOfByte(bytes, bad);
                String hex = bad < bytes.length ? String.format(Locale.ROOT, "\\x%02x", bytes[bad] & 0xff) : "end of file";
                String what = cookie == null
                        ? "Non-UTF-8 code starting with '" + hex + "' on line " + line + ", but no encoding declared"
                        : "'" + cookie.substring(1) + "' codec can't decode byte '" + hex + "' on line " + line;
                return Decoded.failure(line, what,
                        "save the file as UTF-8 or declare its real encoding with '# -*- coding: <codec> -*-' on line 1");
            }
            out.flip();
            text = out.toString();
        }
        if (text.indexOf('\r') >= 0) {
            text = text.replace("\r\n", "\n").replace('\r', '\n');
        }
        return new Decoded(text, 0, null, null);
    }

    /** Returns {@code "<line><codec>"} (line 1 or 2) or {@code null}. */
    private static String findCookie(byte[] bytes, int start) {
        int end1 = lineEnd(bytes, start);
        String line1 = new String(bytes, start, end1 - start, StandardCharsets.ISO_8859_1);
        String codec = matchCookie(line1);
        if (codec != null) {
            return "1" + codec;
        }
        // CPython's blank_re: line 2 is only consulted when line 1 is blank or a comment.
        int k = 0;
        while (k < line1.length() && (line1.charAt(k) == ' ' || line1.charAt(k) == '\t' || line1.charAt(k) == '\f')) {
            k++;
        }
        if (k < line1.length() && line1.charAt(k) != '#') {
            return null;
        }
        int start2 = nextLineStart(bytes, end1);
        if (start2 >= bytes.length) {
            return null;
        }
        int end2 = lineEnd(bytes, start2);
        codec = matchCookie(new String(bytes, start2, end2 - start2, StandardCharsets.ISO_8859_1));
        return codec == null ? null : "2" + codec;
    }

    private static String matchCookie(String line) {
        if (!line.contains("coding")) {
            return null;
        }
        Matcher m = COOKIE.matcher(line);
        return m.find() ? m.group(1) : null;
    }

    private static int lineEnd(byte[] b, int from) {
        int i = from;
        while (i < b.length && b[i] != '\n' && b[i] != '\r') {
            i++;
        }
        return i;
    }

    private static int nextLineStart(byte[] b, int eol) {
        if (eol < b.length && b[eol] == '\r' && eol + 1 < b.length && b[eol + 1] == '\n') {
            return eol + 2;
        }
        return eol + 1;
    }

    private static int lineOfByte(byte[] b, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < b.length; i++) {
            if (b[i] == '\n' || (b[i] == '\r' && (i + 1 >= b.length || b[i + 1] != '\n'))) {
                line++;
            }
        }
        return line;
    }

    private static boolean isAscii(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiCompatible(Charset cs) {
        String n = cs.name();
        return n.equals("ISO-8859-1") || n.equals("US-ASCII") || n.startsWith("windows-125") || n.startsWith("ISO-8859-");
    }

    /**
     * Maps a Python codec name (as in a coding cookie) to a Java charset, following CPython's
     * {@code _get_normal_name} and the common {@code encodings.aliases}; {@code null} when unknown.
     */
    static Charset pythonCodec(String codec) {
        String n = codec.toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        if (n.equals("utf-8") || n.startsWith("utf-8-") || n.equals("utf8") || n.equals("u8") || n.equals("utf")
                || n.equals("cp65001")) {
            return StandardCharsets.UTF_8;
        }
        switch (n) {
            case "latin-1", "latin1", "l1", "iso-8859-1", "iso8859-1", "iso-latin-1", "8859", "cp819", "latin" -> {
                return StandardCharsets.ISO_8859_1;
            }
            case "ascii", "us-ascii", "646", "us" -> {
                return StandardCharsets.US_ASCII;
            }
            default -> {
                // fall through to the generic lookup
            }
        }
        String java = n;
        if (n.matches("iso8859-\\d+")) {
            java = "iso-8859-" + n.substring(8);
        } else if (n.matches("(cp|windows-)125\\d")) {
            java = "windows-" + n.substring(n.length() - 4);
        }
        try {
            return Charset.forName(java);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
