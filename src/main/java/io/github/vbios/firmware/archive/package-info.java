/**
 * Generic containers (firmware.md 3, "Generic installers"): zip, 7z, gzip, xz and tar through
 * Apache Commons Compress, cabinets, zlib streams and Windows registry exports. Depends on
 * {@code firmware} and {@code io}.
 */
package io.github.vbios.firmware.archive;
