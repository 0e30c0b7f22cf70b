package io.github.vbios.cli;

import io.github.vbios.acpi.SsdtManifest;
import io.github.vbios.host.HostReader;
import io.github.vbios.host.PciAddress;
import io.github.vbios.io.AtomicWrite;
import io.github.vbios.io.InputFiles;
import io.github.vbios.io.Inputs;
import io.github.vbios.io.VbiosException;
import io.github.vbios.plan.PassthroughPlanner;
import io.github.vbios.plan.PlanRequest;
import io.github.vbios.rom.SubsystemIds;
import io.github.vbios.vm.GuestCheck;
import io.github.vbios.vm.GuestFunction;
import io.github.vbios.vm.LibvirtDomain;
import io.github.vbios.vm.LibvirtXml;
import io.github.vbios.vm.PassthroughPlan;
import io.github.vbios.vm.ProxmoxConfig;
import io.github.vbios.vm.ProxmoxVmConfig;
import io.github.vbios.vm.QemuArgs;
import io.github.vbios.vm.QemuScript;
import io.github.vbios.vm.VmTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vbios vm qemu|libvirt|proxmox}: renders a passthrough plan; no logic here. */
@Command(name = "vm", mixinStandardHelpOptions = true,
        description = {"Generate VM configuration that passes a GPU through: vfio-pci with subsystem IDs,",
            "romfile, the ACPI tables of vbios ssdt, q35 + OVMF, a root port with hotplug off.",
            "Also prints the guest ACPI path that vbios ssdt --path must use for this plan."},
        subcommands = {VmCommand.Qemu.class, VmCommand.Libvirt.class, VmCommand.Proxmox.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  vbios vm qemu --device 0000:01:00.0 --romfile gpu.rom --ssdt ssdt/",
            "  vbios vm libvirt --device 01:00.0 --ssdt ssdt/ --domain win11.xml -o new.xml",
            "  vbios vm proxmox --device 01:00.0 --romfile gpu.rom --vmid 100",
        })
public final class VmCommand implements Callable<Integer> {
    /** A domain XML is a few KiB; libvirt itself refuses documents far below this. */
    static final long MAX_DOMAIN = 16L << 20;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.USAGE;
    }

    /** OVMF images: only the QEMU output uses them (libvirt and Proxmox pick their own). */
    static final class Ovmf {
        @Option(names = "--ovmf-code", paramLabel = "FILE", description = "OVMF code image (default: ${DEFAULT-VALUE})")
        String code = PlanRequest.OVMF_CODE;

        @Option(names = "--ovmf-vars", paramLabel = "FILE",
                description = "this VM's copy of OVMF_VARS, made from the template on the first start (default: ${DEFAULT-VALUE})")
        String vars = PlanRequest.OVMF_VARS_COPY;

        @Option(names = "--ovmf-vars-template", paramLabel = "FILE", description = "OVMF_VARS template (default: ${DEFAULT-VALUE})")
        String template = PlanRequest.OVMF_VARS;
    }

    static PassthroughPlan plan(VmOptions o, VmTarget target, LibvirtDomain domain, int proxmoxIndex)
            throws IOException {
        return PassthroughPlanner.plan(new HostReader(o.hostRoot).snapshot(), request(o, target, domain, proxmoxIndex));
    }

    static PlanRequest request(VmOptions o, VmTarget target, LibvirtDomain domain, int proxmoxIndex) {
        PciAddress address = PciAddress.parse(o.device).orElseThrow(() -> new VbiosException(
                VbiosException.Kind.USAGE, "--device '" + o.device + "' is not a PCI address like 0000:01:00.0"));
        PlanRequest req = new PlanRequest(target, address, o.romfile, o.ssdt,
                o.subsystem == null ? null : SubsystemIds.parse(o.subsystem), o.gpuOnly, !o.keepHotplug,
                proxmoxIndex, domain, o.machine == null ? "q35" : o.machine, PlanRequest.OVMF_CODE,
                PlanRequest.OVMF_VARS_COPY);
        return req;
    }

    /** Writes the text (to -o or stdout), or the JSON document; notes and the ACPI path go to stderr. */
    static int emit(CommandSpec spec, VmOptions o, VmTarget target, PassthroughPlan plan, String text,
                    Map<String, Object> extra) throws IOException {
        return emit(spec, o, target, plan, text, extra, null);
    }

    /** {@code domain}: the --domain input, which -o must never replace (nor --romfile or the manifest). */
    static int emit(CommandSpec spec, VmOptions o, VmTarget target, PassthroughPlan plan, String text,
                    Map<String, Object> extra, Path domain) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (o.json) {
            out.println(VmJson.render(target, plan, ssdtHint(plan), extra));
        } else if (o.output != null && !AtomicWrite.isStdout(o.output)) {
            AtomicWrite.write(o.output, text.getBytes(StandardCharsets.UTF_8), o.force, inputs(o, domain), p -> { });
            err.println("vbios: wrote " + o.output);
        } else {
            out.print(text);
        }
        if (!o.json) {
            err.println("vbios: GPU ACPI path in the guest: " + plan.acpiPath() + "  (" + ssdtHint(plan) + ")");
            GuestCheck check = GuestCheck.of(plan);
            err.println("vbios: check in a Linux guest: " + check.linux());
            err.println("vbios: check in a Windows guest: " + check.windows());
            plan.remarks().forEach(n -> err.println("vbios: " + n.severity().word() + ": " + n.message()));
        }
        out.flush();
        err.flush();
        return ExitCodes.OK;
    }

    static Inputs inputs(VmOptions o, Path domain) {
        return Inputs.of(o.romfile, domain, o.ssdt == null ? null : o.ssdt.resolve(SsdtManifest.FILE_NAME));
    }

    static String ssdtHint(PassthroughPlan plan) {
        GuestFunction gpu = plan.gpu();
        String rom = gpu.romfile() == null ? "ROM" : gpu.romfile();
        return "vbios ssdt --rom " + QemuArgs.shellQuote(rom) + " --path '" + plan.acpiPath() + "' -o ssdt/";
    }

    @Command(name = "qemu", mixinStandardHelpOptions = true,
            description = {"A complete start script for qemu-system-x86_64 (q35, OVMF with its own variable store, a disk",
                "you set, emulated VGA) with the GPU: pcie-root-port, vfio-pci, -acpitable, -fw_cfg."},
            footerHeading = "%nExamples:%n",
            footer = {"  vbios vm qemu --device 0000:01:00.0 --romfile gpu.rom --ssdt ssdt/ -o start-vm.sh",
                "  DISK=win11.qcow2 sh start-vm.sh",
                "  vbios vm qemu --device 01:00.0 --gpu-only --subsystem 1025:1418 --json"})
    static final class Qemu implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        VmOptions options;
        @Mixin
        Ovmf ovmf;

        @Override
        public Integer call() throws IOException {
            PlanRequest r = request(options, VmTarget.QEMU, null, 0);
            PassthroughPlan plan = PassthroughPlanner.plan(new HostReader(options.hostRoot).snapshot(),
                    new PlanRequest(r.target(), r.device(), r.romfile(), r.ssdtDir(), r.subsystem(), r.gpuOnly(),
                            r.hotplugOff(), 0, null, r.machine(), ovmf.code, ovmf.vars));
            List<String> args = QemuArgs.render(plan);
            String script = QemuScript.render(plan, ovmf.template);
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("qemuArgs", args);
            extra.put("qemuPassthroughArgs", QemuArgs.passthrough(plan));
            extra.put("startScript", script);
            return emit(spec, options, VmTarget.QEMU, plan, script, extra);
        }
    }

    @Command(name = "libvirt", mixinStandardHelpOptions = true,
            description = {"libvirt domain XML: <hostdev> with <rom> and a ua- alias, the root-port <controller>,",
                "<qemu:override> with decimal subsystem IDs, <qemu:commandline> -acpitable, <sysinfo type='fwcfg'>.",
                "With --domain, the whole domain patched (apply with virsh define)."},
            footerHeading = "%nExamples:%n",
            footer = {"  vbios vm libvirt --device 01:00.0 --romfile /var/lib/libvirt/vbios/gpu.rom",
                "  virsh dumpxml win11 > win11.xml",
                "  vbios vm libvirt --device 01:00.0 --ssdt ssdt/ --domain win11.xml -o new.xml",
                "  virsh define new.xml"})
    static final class Libvirt implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        VmOptions options;

        @Option(names = "--domain", paramLabel = "FILE", description = "the domain XML to patch (virsh dumpxml VM > FILE)")
        Path domainFile;

        @Option(names = "--switch-to-uefi", description = "with --domain: switch a BIOS guest to UEFI (default: keep its firmware)")
        boolean switchToUefi;

        @Override
        public Integer call() throws IOException {
            LibvirtDomain domain = null;
            if (domainFile != null) {
                if (options.output != null && !AtomicWrite.isStdout(options.output)) {
                    AtomicWrite.check(options.output, options.force, inputs(options, domainFile));
                }
                domain = LibvirtDomain.read(InputFiles.text(domainFile, MAX_DOMAIN, StandardCharsets.UTF_8));
                if (!domain.usable()) {
                    throw new VbiosException(VbiosException.Kind.INVALID_INPUT, domainFile + ": "
                            + domain.findings().get(0).message());
                }
            }
            if (switchToUefi && domain == null) {
                throw new VbiosException(VbiosException.Kind.USAGE, "--switch-to-uefi needs --domain");
            }
            PassthroughPlan plan = PassthroughPlanner.plan(new HostReader(options.hostRoot).snapshot(),
                    request(options, VmTarget.LIBVIRT, domain, 0).withSwitchToUefi(switchToUefi));
            String xml = domain == null ? LibvirtXml.snippet(plan) : LibvirtXml.patch(domain, plan, switchToUefi);
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("libvirtSnippet", domain == null ? xml : LibvirtXml.snippet(plan));
            if (domain != null) {
                extra.put("libvirtDomain", xml);
            }
            if (domain != null) {
                domain.findings().forEach(f -> spec.commandLine().getErr().println("vbios: note: " + f.message()));
            }
            return emit(spec, options, VmTarget.LIBVIRT, plan, xml, extra, domainFile);
        }
    }

    @Command(name = "proxmox", mixinStandardHelpOptions = true,
            description = "Proxmox VE: hostpciN/machine/args lines for /etc/pve/qemu-server/VMID.conf and the qm set commands.",
            footerHeading = "%nExamples:%n",
            footer = {"  vbios vm proxmox --device 01:00.0 --romfile gpu.rom --ssdt ssdt/ --vmid 104",
                "  vbios vm proxmox --device 01:00.0 --index 4   (hostpci4: \\_SB.PCI0.S80.S00)"})
    static final class Proxmox implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        VmOptions options;

        @Option(names = "--vmid", paramLabel = "ID", description = "the VM's id for qm set (default: 100)")
        String vmid = "100";

        @Option(names = "--index", paramLabel = "N", description = "use hostpciN (0-15; default: the VM's hostpci "
                + "that passes the GPU, else the first free one, else 0)")
        Integer index;

        @Option(names = "--vm-config", paramLabel = "FILE", description = "the VM's config to merge with "
                + "(/etc/pve/qemu-server/ID.conf): keeps its machine version, firmware, args and hostpci slots")
        Path vmConfig;

        @Option(names = "--switch-to-uefi", description = "set bios: ovmf on a SeaBIOS VM (default: keep its firmware)")
        boolean switchToUefi;

        @Override
        public Integer call() throws IOException {
            ProxmoxVmConfig vm = null;
            if (vmConfig != null) {
                if (options.machine != null) {
                    throw new VbiosException(VbiosException.Kind.USAGE, "--machine and --vm-config: the machine comes "
                            + "from the VM's config (change it with qm set VMID --machine)");
                }
                if (!Files.isRegularFile(vmConfig)) {
                    throw new VbiosException(VbiosException.Kind.INVALID_INPUT, vmConfig + ": no such file");
                }
                vm = ProxmoxVmConfig.read(Files.readString(vmConfig));
            }
            PlanRequest req = request(options, VmTarget.PROXMOX, null, index == null ? PlanRequest.AUTO_INDEX : index)
                    .withProxmoxVm(vm).withSwitchToUefi(switchToUefi);
            PassthroughPlan plan = PassthroughPlanner.plan(new HostReader(options.hostRoot).snapshot(), req);
            ProxmoxConfig.Rendered r = ProxmoxConfig.render(plan, vmid, vm, switchToUefi, options.machine);
            StringBuilder text = new StringBuilder("# GPU ACPI path in the guest: " + plan.acpiPath() + "\n");
            text.append("# ").append(vm == null ? "lines for" : "merged").append(" /etc/pve/qemu-server/").append(vmid)
                    .append(".conf:\n");
            r.configLines().forEach(l -> text.append(l).append('\n'));
            text.append("# or apply them (as root) with:\n");
            r.commands().forEach(c -> text.append(c).append('\n'));
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("proxmoxConfig", r.configLines());
            extra.put("commands", r.commands());
            return emit(spec, options, VmTarget.PROXMOX, plan, text.toString(), extra);
        }
    }
}
