/**
 * UEFI and Intel flash structures (firmware.md 2): capsules, the flash descriptor, firmware volumes,
 * FFS files, sections and their decoders, and the raw-area scan that finds volumes in any bytes.
 * Depends on {@code firmware} and {@code io}.
 */
package io.github.vbios.firmware.uefi;
