// SPDX-License-Identifier: GPL-2.0
/*
 * vbrom: the guest half of vbios's guest-boot test (AcpiGuestBootMatrixTest).
 *
 * Finds one PCI device (the GPU's stand-in) by vendor:device, takes its ACPI companion and
 * evaluates _ROM on it the two ways real drivers do:
 *  - "nvidia": like NVIDIA's nv_acpi_rom_method: _ROM(offset, 0x1000) for offset 0, 4K, 8K, ...
 *    in order; each result must be a Buffer at least as long as requested, else the read fails;
 *  - "nouveau": like nouveau's shadowacpi.c: one "fast" call asking for everything at once,
 *    used only when it returns the full length; else the "slow" path of 4 KiB calls from 0 that
 *    stops at the first call returning anything but 0x1000 bytes.
 * Each path prints one line with the length read and the SHA-256 of the first `size` bytes, and
 * says whether the bytes from `size` up to the next 4 KiB boundary and one call past that were
 * zero (the _ROM contract, acpi-vm.md 1.1). It reads once, at load, and stays loaded doing
 * nothing (a failed init would make busybox's insmod retry through init_module and read twice).
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/acpi.h>
#include <linux/vmalloc.h>
#include <linux/ktime.h>
#include <crypto/sha2.h>

#define CHUNK 0x1000

/* the slowest single _ROM call of the current read, in microseconds (acpi-vm.md: fw_cfg reads) */
static s64 slowest_us;

static int vendor = -1;
static int device = -1;
static int size;
module_param(vendor, int, 0444);
module_param(device, int, 0444);
module_param(size, int, 0444);
MODULE_PARM_DESC(vendor, "PCI vendor ID of the device whose _ROM is read");
MODULE_PARM_DESC(device, "PCI device ID of the device whose _ROM is read");
MODULE_PARM_DESC(size, "bytes the driver would read (the NVIDIA view length)");

/* One _ROM(offset, length) call; copies at most `length` bytes. Returns the Buffer's length or a negative errno. */
static int rom_call(acpi_handle h, u8 *dst, u32 offset, u32 length, bool need_full)
{
	union acpi_object args[2] = {
		{ .integer = { .type = ACPI_TYPE_INTEGER, .value = offset } },
		{ .integer = { .type = ACPI_TYPE_INTEGER, .value = length } },
	};
	struct acpi_object_list list = { .count = 2, .pointer = args };
	struct acpi_buffer out = { ACPI_ALLOCATE_BUFFER, NULL };
	union acpi_object *obj;
	acpi_status st;
	int got;
	ktime_t t0 = ktime_get();

	st = acpi_evaluate_object(h, "_ROM", &list, &out);
	slowest_us = max(slowest_us, ktime_us_delta(ktime_get(), t0));
	if (ACPI_FAILURE(st)) {
		pr_info("VBROM call offset=%u length=%u failed: %s\n", offset, length, acpi_format_exception(st));
		return -EIO;
	}
	obj = out.pointer;
	if (!obj || obj->type != ACPI_TYPE_BUFFER) {
		pr_info("VBROM call offset=%u length=%u: result is not a Buffer (type %d)\n", offset, length,
			obj ? (int)obj->type : -1);
		kfree(out.pointer);
		return -EINVAL;
	}
	got = obj->buffer.length;
	if (need_full && got < length) {
		/* NVIDIA: "Invalid _ROM data" */
		pr_info("VBROM call offset=%u length=%u: Buffer of %d bytes is too short\n", offset, length, got);
		kfree(out.pointer);
		return -EINVAL;
	}
	memcpy(dst, obj->buffer.pointer, min_t(u32, got, length));
	kfree(out.pointer);
	return got;
}

static bool all_zero(const u8 *p, size_t n)
{
	while (n--)
		if (*p++)
			return false;
	return true;
}

static void report(const char *how, const u8 *data, u32 read, u32 calls, acpi_handle h)
{
	u8 digest[SHA256_DIGEST_SIZE];
	u8 *past = (u8 *)data + read; /* the caller allocated one chunk more */
	bool tail, beyond;
	int got;

	if (read < round_up(size, CHUNK)) {
		pr_info("VBROM %s failed len=%u calls=%u\n", how, read, calls);
		return;
	}
	sha256(data, size, digest);
	tail = all_zero(data + size, read - size);
	got = rom_call(h, past, read, CHUNK, true);
	beyond = got >= CHUNK && all_zero(past, CHUNK);
	pr_info("VBROM %s len=%u sha256=%*phN calls=%u tailzero=%d pastzero=%d slowest_ms=%lld\n", how, size,
		SHA256_DIGEST_SIZE, digest, calls, tail, beyond, slowest_us / 1000);
}

/* nv_acpi_rom_method as the driver uses it: 4 KiB calls from 0 in order, each checked. */
static void read_nvidia(acpi_handle h, u8 *buf, u32 limit)
{
	u32 off, calls = 0;

	slowest_us = 0;
	for (off = 0; off < limit; off += CHUNK) {
		calls++;
		if (rom_call(h, buf + off, off, CHUNK, true) < 0)
			break;
	}
	report("nvidia", buf, off, calls, h);
}

/* shadowacpi.c: acpi_read_fast, then acpi_read_slow when the fast read came back short. */
static void read_nouveau(acpi_handle h, u8 *buf, u32 limit)
{
	u32 fetch = 0, calls = 1;
	int got;

	slowest_us = 0;
	got = rom_call(h, buf, 0, limit, false);

	pr_info("VBROM nouveau-fast asked=%u got=%d\n", limit, got);
	if (got == limit) {
		report("nouveau", buf, limit, calls, h);
		return;
	}
	memset(buf, 0, limit + CHUNK);
	while (fetch < limit) {
		calls++;
		if (rom_call(h, buf + fetch, fetch, CHUNK, false) != CHUNK)
			break;
		fetch += CHUNK;
	}
	report("nouveau", buf, fetch, calls, h);
}

static int __init vbrom_init(void)
{
	struct pci_dev *pdev;
	struct acpi_buffer name = { ACPI_ALLOCATE_BUFFER, NULL };
	acpi_handle h;
	u32 limit;
	u8 *buf;

	if (size <= 0 || vendor < 0 || device < 0) {
		pr_info("VBROM usage: insmod vbrom.ko vendor=0xVVVV device=0xDDDD size=BYTES\n");
		return -EINVAL;
	}
	pdev = pci_get_device(vendor, device, NULL);
	if (!pdev) {
		pr_info("VBROM no PCI device %04x:%04x\n", vendor, device);
		return -ENODEV;
	}
	h = ACPI_HANDLE(&pdev->dev);
	if (!h) {
		pr_info("VBROM device %s has no ACPI companion\n", pci_name(pdev));
		pci_dev_put(pdev);
		return -ENODEV;
	}
	if (ACPI_SUCCESS(acpi_get_name(h, ACPI_FULL_PATHNAME, &name))) {
		pr_info("VBROM device %s path=%s\n", pci_name(pdev), (char *)name.pointer);
		kfree(name.pointer);
	}
	limit = round_up(size, CHUNK);
	buf = vzalloc(limit + CHUNK);
	if (buf) {
		read_nvidia(h, buf, limit);
		memset(buf, 0, limit + CHUNK);
		read_nouveau(h, buf, limit);
		vfree(buf);
	}
	pr_info("VBROM done\n");
	pci_dev_put(pdev);
	return 0;
}

static void __exit vbrom_exit(void)
{
}

module_init(vbrom_init);
module_exit(vbrom_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("vbios test probe: reads _ROM the way NVIDIA's driver and nouveau do");
