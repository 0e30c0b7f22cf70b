/**
 * Builders of synthetic option ROMs, firmware images and host trees, for the tests and for
 * {@code vbios demo}. Depends on {@code rom}, {@code firmware.uefi} (GUIDs), {@code codec} and
 * {@code io}.
 */
package io.github.vbios.sample;
