/**
 * Formats only an external program unpacks (Inno Setup, UPX, RAR), behind
 * {@link io.github.vbios.firmware.external.ExternalTools} so the walk never depends on them. The one
 * place of the firmware room that writes and reads files (a private temporary folder per run).
 * Depends on {@code firmware}, {@code firmware.archive} and {@code io}.
 */
package io.github.vbios.firmware.external;
