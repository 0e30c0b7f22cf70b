/**
 * The firmware room: unpacks whatever holds option ROMs and carves them out. This package is the
 * contract ({@link io.github.vbios.firmware.Container}, {@link io.github.vbios.firmware.EmbeddedFormat},
 * {@link io.github.vbios.firmware.Blob}, {@link io.github.vbios.firmware.Walk},
 * {@link io.github.vbios.firmware.Provenance}) and the engine: {@link io.github.vbios.firmware.Extractor}
 * and {@link io.github.vbios.firmware.FirmwareExplorer} (the detector order, like Commons Compress'
 * {@code ArchiveStreamFactory}), limits and budget, the carver, and
 * {@link io.github.vbios.firmware.Codecs}, the room's one door to {@code codec}. The formats live in the
 * sub-packages {@code uefi}, {@code vendor}, {@code archive} and {@code external}.
 */
package io.github.vbios.firmware;
