package io.github.vbios.acpi;

/**
 * One generated table: its file name in the output folder, what it is for, the AML bytes.
 *
 * @param fileName e.g. {@code vbios-rom.aml}
 * @param role     {@code rom}, {@code rom-data}, {@code battery} or {@code harness}
 * @param aml      the complete table (header included)
 */
// the array is this value's payload (written, hashed, compared with Arrays.equals), never a record key
@SuppressWarnings("ArrayRecordComponent")
public record GeneratedTable(String fileName, String role, byte[] aml) {
    /** The {@code .dsl} file name beside the {@code .aml}. */
    public String dslName() {
        return fileName.replaceFirst("\\.aml$", "") + ".dsl";
    }

    public int size() {
        return aml.length;
    }
}
