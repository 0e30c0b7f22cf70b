/**
 * The vm room: QEMU, libvirt and Proxmox renderers of a {@link io.github.vbios.vm.PassthroughPlan},
 * and the readers/patchers of existing libvirt domains and Proxmox configs. Depends only on
 * {@code io}.
 */
package io.github.vbios.vm;
