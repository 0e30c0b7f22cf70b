/**
 * NVIDIA flash structures (rom-format.md 2): NVGI/NVFW/RFRD containers, NPDE, the BIT table and
 * version strings. Depends only on {@code io}.
 */
package io.github.vbios.rom.nvidia;
