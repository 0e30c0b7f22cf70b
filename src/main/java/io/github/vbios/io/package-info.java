/**
 * The io room: bounds-checked reading ({@link io.github.vbios.io.ByteSlice}), findings, hex, and every
 * file read ({@link io.github.vbios.io.InputFiles}) and write ({@link io.github.vbios.io.AtomicWrite},
 * {@link io.github.vbios.io.OutputFolder}) the other rooms make. Depends on nothing of ours.
 */
package io.github.vbios.io;
