/**
 * The plan room: combines the rooms below into one answer for the user: doctor, the passthrough
 * plan, the Optimus pipeline, host dumps, next steps. Depends on {@code vm}, {@code host},
 * {@code acpi}, {@code firmware} (and its {@code external} tools), {@code rom} and {@code io}.
 */
package io.github.vbios.plan;
