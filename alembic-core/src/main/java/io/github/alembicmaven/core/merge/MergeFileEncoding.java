package io.github.alembicmaven.core.merge;

import io.github.alembicmaven.core.config.PythonText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Alembic's {@code output.encode(output_encoding)}: a Python codec name (any spelling Python accepts, e.g.
 * {@code UTF-8}, {@code utf8}, {@code latin-1}, {@code cp1252}) mapped to a Java charset, strict errors.
 *
 * <p>Supported codecs: {@code utf_8}, {@code utf_8_sig} (writes a BOM), {@code utf_16} / {@code utf_32} (BOM, then
 * little-endian, as CPython on little-endian machines), their {@code _le}/{@code _be} forms, {@code ascii},
 * {@code latin_1}, {@code iso8859_2/4/5/7/9/13/15}, {@code cp1250-1254}, {@code cp1257}, {@code cp437},
 * {@code cp850}, {@code cp852}, {@code cp866}, {@code koi8_r}, {@code koi8_u}, with Python's aliases. Others are
 * rejected with {@link IllegalArgumentException} rather than risk a byte that differs from Python's.
 *
 * @param pythonName the name as configured
 * @param codec Python's codec module name
 * @param charset the Java charset producing the same bytes
 * @param bom bytes written first ({@code utf_8_sig}, {@code utf_16}, {@code utf_32})
 */
public record MergeFileEncoding(String pythonName, String codec, Charset charset, byte[] bom) {

    private static final Map<String, String> ALIASES = loadAliases();

    private static final Map<String, String> JAVA = Map.ofEntries(
            Map.entry("utf_8", "UTF-8"), Map.entry("utf_8_sig", "UTF-8"), Map.entry("utf_16", "UTF-16LE"),
            Map.entry("utf_16_le", "UTF-16LE"), Map.entry("utf_16_be", "UTF-16BE"), Map.entry("utf_32", "UTF-32LE"),
            Map.entry("utf_32_le", "UTF-32LE"), Map.entry("utf_32_be", "UTF-32BE"), Map.entry("ascii", "US-ASCII"),
            Map.entry("latin_1", "ISO-8859-1"), Map.entry("iso8859_2", "ISO-8859-2"),
            Map.entry("iso8859_4", "ISO-8859-4"), Map.entry("iso8859_5", "ISO-8859-5"),
            Map.entry("iso8859_7", "ISO-8859-7"), Map.entry("iso8859_9", "ISO-8859-9"),
            Map.entry("iso8859_13", "ISO-8859-13"), Map.entry("iso8859_15", "ISO-8859-15"),
            Map.entry("cp1250", "windows-1250"), Map.entry("cp1251", "windows-1251"),
            Map.entry("cp1252", "windows-1252"), Map.entry("cp1253", "windows-1253"),
            Map.entry("cp1254", "windows-1254"), Map.entry("cp1257", "windows-1257"), Map.entry("cp437", "IBM437"),
            Map.entry("cp850", "IBM850"), Map.entry("cp852", "IBM852"), Map.entry("cp866", "IBM866"),
            Map.entry("koi8_r", "KOI8-R"), Map.entry("koi8_u", "KOI8-U"));

    public MergeFileEncoding {
        bom = bom.clone();
    }

    /** The default {@code output_encoding}. */
    public static MergeFileEncoding utf8() {
        return of("utf-8");
    }

    /**
     * Resolves a Python codec name like {@code codecs.lookup}: lower-cased, runs of characters other than letters,
     * digits and {@code .} become {@code _}, then Python's alias table.
     *
     * @throws IllegalArgumentException for an unknown or unsupported codec
     */
    public static MergeFileEncoding of(String pythonName) {
        Objects.requireNonNull(pythonName, "pythonName");
        String norm = normalize(pythonName.toLowerCase(Locale.ROOT));
        String codec = ALIASES.getOrDefault(norm, ALIASES.getOrDefault(norm.replace('.', '_'), norm));
        String java = JAVA.get(codec);
        if (java == null) {
            throw new IllegalArgumentException("output_encoding " + PythonText.repr(pythonName)
                    + " is not supported (supported: utf-8, utf-8-sig, utf-16, utf-32, ascii, latin-1, iso8859-2/4/5/"
                    + "7/9/13/15, cp1250-1254, cp1257, cp437, cp850, cp852, cp866, koi8-r, koi8-u and their Python"
                    + " aliases)");
        }
        byte[] bom = switch (codec) {
            case "utf_8_sig" -> new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
            case "utf_16" -> new byte[] {(byte) 0xff, (byte) 0xfe};
            case "utf_32" -> new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0};
            default -> new byte[0];
        };
        return new MergeFileEncoding(pythonName, codec, Charset.forName(java), bom);
    }

    @Override
    public byte[] bom() {
        return bom.clone();
    }

    /**
     * Python {@code text.encode(codec)} (strict).
     *
     * @throws IllegalArgumentException naming the first character the codec cannot encode (Python:
     *     {@code UnicodeEncodeError}, Alembic: {@code Template rendering failed})
     */
    public byte[] encode(String text) {
        CharsetEncoder encoder = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer body = encoder.encode(CharBuffer.wrap(text));
            byte[] out = new byte[bom.length + body.remaining()];
            System.arraycopy(bom, 0, out, 0, bom.length);
            body.get(out, bom.length, body.remaining());
            return out;
        } catch (CharacterCodingException e) {
            int bad = firstUnencodable(encoder, text);
            throw new IllegalArgumentException("'" + codec + "' codec can't encode character "
                    + (bad < 0 ? "" : String.format("'\\u%04x' in position %d", (int) text.charAt(bad), bad))
                    + " (output_encoding " + PythonText.repr(pythonName) + ")", e);
        }
    }

    private static int firstUnencodable(CharsetEncoder encoder, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (!encoder.reset().canEncode(text.substring(i, i + 2))) {
                    return i;
                }
                i++;
            } else if (!encoder.reset().canEncode(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Python's {@code encodings.normalize_encoding}. */
    static String normalize(String name) {
        StringBuilder sb = new StringBuilder();
        boolean punct = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 0x80 || c == '.') {
                if (punct && sb.length() > 0) {
                    sb.append('_');
                }
                sb.append(c);
                punct = false;
            } else {
                punct = true;
            }
        }
        return sb.toString();
    }

    private static Map<String, String> loadAliases() {
        Map<String, String> map = new HashMap<>();
        try (InputStream in = MergeFileEncoding.class.getResourceAsStream("python-codec-aliases.txt")) {
            Objects.requireNonNull(in, "python-codec-aliases.txt");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] kv = line.strip().split(" ");
                    map.put(kv[0], kv[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(map);
    }
}
