/**
 * The rom room, reading side: the PCI option ROM model and its walkers (PCI view, NVIDIA view),
 * checksums, identity and verdict ({@link io.github.vbios.rom.RomAnalyzer}), carving ROMs out of any
 * bytes ({@link io.github.vbios.rom.RomScanner}). Depends on {@code codec}, {@code io} and
 * {@code rom.nvidia}.
 */
package io.github.vbios.rom;
